import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ENV } from '@redwire/system';
import type { Jwks } from '@redwire/auth';

/** `.redwire/endpoints.json`: where everything of the local cloud listens. */
export interface Endpoints {
  readonly web: string;
  readonly websocket: string;
  readonly rest: string;
  readonly redshiftData: string;
  readonly dynamodb: string;
  readonly cognito: string;
  readonly eventbridge: string;
  readonly apiGatewayManagement: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly region: string;
}

export interface HandlerEnvironmentInput {
  readonly endpoints: Endpoints;
  readonly tableName: string;
  readonly jwks: Jwks;
  readonly stateDir: string;
  readonly workspaceRoot: string;
  readonly logLevel: string;
}

/** A secret kept in the state dir, so a restart keeps cursors valid. */
function persistentSecret(stateDir: string): string {
  const file = join(stateDir, 'cursor-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/**
 * The environment handlers see: every ENV name of libs/system, dummy credentials, and `AWS_ENDPOINT_URL_<SERVICE>`
 * variables that the AWS SDK v3 honours, so the real SDK clients reach the stand-ins without `if (local)`.
 */
export function handlerEnvironment(input: HandlerEnvironmentInput): Record<string, string> {
  const { endpoints } = input;
  return {
    AWS_REGION: endpoints.region,
    AWS_DEFAULT_REGION: endpoints.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_REDSHIFT_DATA: endpoints.redshiftData,
    AWS_ENDPOINT_URL_EVENTBRIDGE: endpoints.eventbridge,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoints.cognito,
    AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI: endpoints.apiGatewayManagement,
    [ENV.tableName]: input.tableName,
    // Replaced by the bundle the local cloud builds from sql/reports at start, when there is one.
    [ENV.catalogUrl]: pathToFileURL(join(input.workspaceRoot, 'dist/catalog/catalog.json')).href,
    [ENV.connectionsUrl]: endpoints.apiGatewayManagement,
    [ENV.userPoolId]: endpoints.userPoolId,
    [ENV.userPoolClientId]: endpoints.userPoolClientId,
    [ENV.tokenIssuer]: `${endpoints.cognito}/${endpoints.userPoolId}`,
    [ENV.jwks]: JSON.stringify(input.jwks),
    [ENV.workgroupName]: 'redwire-local',
    [ENV.database]: 'dev',
    [ENV.cursorSecret]: persistentSecret(input.stateDir),
    [ENV.maxRunningPerUser]: '5',
    [ENV.abandonGraceSeconds]: '300',
    [ENV.logLevel]: input.logLevel,
  };
}
