import { ENV, type EnvName } from './environment.js';
import { statementStatusRule, sweeperSchedule } from './events.js';
import { httpRoutes, type HttpRoute, type WebSocketRoute } from './routes.js';

export type Trigger =
  | { readonly kind: 'websocket-authorizer' }
  | { readonly kind: 'websocket-route'; readonly routes: readonly WebSocketRoute[] }
  | { readonly kind: 'http-route'; readonly routes: readonly HttpRoute[] }
  | { readonly kind: 'event-rule'; readonly rule: string }
  | { readonly kind: 'schedule'; readonly schedule: string }
  /** Invoked once by the deployment (and by the local cloud at start). */
  | { readonly kind: 'deploy' };

/**
 * `statement-runner`: one shared identity for everything that executes, describes,
 * cancels or reads Data API statements (AWS lets only the runner read a statement).
 * `own`: a least-privilege role of the function's own.
 */
export type RoleKind = 'statement-runner' | 'own';

export interface FunctionSpec {
  /** Folder under apps/ and the Lambda's logical name. */
  readonly name: string;
  /** Source entry, relative to the workspace root. */
  readonly entry: string;
  /** Bundle path after `nx run <name>:build`, relative to the workspace root. */
  readonly bundle: string;
  readonly role: RoleKind;
  readonly trigger: Trigger;
  readonly environment: readonly EnvName[];
  readonly timeoutSeconds: number;
  readonly memoryMb: number;
  /** Which AWS capabilities the function needs; infra turns them into IAM statements. */
  readonly needs: readonly Capability[];
}

export type Capability =
  | 'table:read'
  | 'table:write'
  | 'connections:manage'
  | 'statements:run'
  | 'catalog:read'
  | 'sample-data:read';

const common: readonly EnvName[] = [ENV.logLevel];
const registry: readonly EnvName[] = [ENV.tableName];
const warehouse: readonly EnvName[] = [ENV.clusterIdentifier, ENV.workgroupName, ENV.database, ENV.dbUser, ENV.secretArn];
const tokens: readonly EnvName[] = [ENV.userPoolId, ENV.userPoolClientId, ENV.tokenIssuer, ENV.jwks];

function fn(spec: Omit<FunctionSpec, 'entry' | 'bundle'>): FunctionSpec {
  return { ...spec, entry: `apps/${spec.name}/src/main.ts`, bundle: `dist/apps/${spec.name}/main.mjs` };
}

/** Every Lambda function of Redwire and what triggers it. */
export const functions: readonly FunctionSpec[] = [
  fn({
    name: 'ws-authorizer',
    role: 'own',
    trigger: { kind: 'websocket-authorizer' },
    environment: [...common, ...tokens],
    timeoutSeconds: 5,
    memoryMb: 256,
    needs: [],
  }),
  fn({
    name: 'ws-connect',
    role: 'own',
    trigger: { kind: 'websocket-route', routes: ['$connect'] },
    environment: [...common, ...registry],
    timeoutSeconds: 5,
    memoryMb: 256,
    needs: ['table:write'],
  }),
  fn({
    name: 'ws-disconnect',
    role: 'statement-runner',
    trigger: { kind: 'websocket-route', routes: ['$disconnect'] },
    environment: [...common, ...registry],
    timeoutSeconds: 10,
    memoryMb: 256,
    needs: ['table:read', 'table:write'],
  }),
  fn({
    name: 'ws-message',
    role: 'statement-runner',
    trigger: { kind: 'websocket-route', routes: ['$default', 'submit', 'cancel', 'resume', 'ping'] },
    environment: [...common, ...registry, ...warehouse, ENV.catalogUrl, ENV.connectionsUrl, ENV.maxRunningPerUser],
    timeoutSeconds: 15,
    memoryMb: 512,
    needs: ['table:read', 'table:write', 'statements:run', 'catalog:read', 'connections:manage'],
  }),
  fn({
    name: 'notify',
    role: 'statement-runner',
    trigger: { kind: 'event-rule', rule: statementStatusRule.name },
    environment: [...common, ...registry, ...warehouse, ENV.connectionsUrl],
    timeoutSeconds: 15,
    memoryMb: 256,
    needs: ['table:read', 'table:write', 'statements:run', 'connections:manage'],
  }),
  fn({
    name: 'results-api',
    role: 'statement-runner',
    trigger: { kind: 'http-route', routes: httpRoutes },
    environment: [...common, ...registry, ...warehouse, ENV.catalogUrl, ENV.cursorSecret],
    timeoutSeconds: 29,
    memoryMb: 1024,
    needs: ['table:read', 'statements:run', 'catalog:read'],
  }),
  fn({
    name: 'sweeper',
    role: 'statement-runner',
    trigger: { kind: 'schedule', schedule: sweeperSchedule.name },
    environment: [...common, ...registry, ...warehouse, ENV.connectionsUrl, ENV.abandonGraceSeconds],
    timeoutSeconds: 60,
    memoryMb: 256,
    needs: ['table:read', 'table:write', 'statements:run', 'connections:manage'],
  }),
  fn({
    name: 'setup-warehouse',
    role: 'statement-runner',
    trigger: { kind: 'deploy' },
    environment: [...common, ...warehouse, ENV.sampleDataUrl, ENV.sampleDataRoleArn],
    timeoutSeconds: 900,
    memoryMb: 256,
    needs: ['statements:run', 'sample-data:read'],
  }),
];

export function functionByName(name: string): FunctionSpec {
  const found = functions.find((f) => f.name === name);
  if (!found) throw new Error(`unknown function ${name}`);
  return found;
}
