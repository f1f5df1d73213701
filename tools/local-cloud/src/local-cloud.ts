import { mkdirSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { pino, type Logger } from 'pino';
import { createIdTokenVerifier, type IdTokenVerifier } from '@redwire/auth';
import { ENV, WEBSOCKET_TOKEN_QUERY } from '@redwire/system';
import { createConnectionsApi } from './apigateway/connections-api.js';
import { ConnectionStore } from './apigateway/connection-store.js';
import { createHttpApi } from './apigateway/http-api.js';
import { HttpRouteTable } from './apigateway/http-route-table.js';
import { AWS_WEBSOCKET_LIMITS, createWebSocketApi, type WebSocketLimits } from './apigateway/websocket-api.js';
import type { ApiIdentity } from './apigateway/websocket-events.js';
import { createCognitoServer } from './cognito/cognito.server.js';
import { cognitoLocalJwks, createCognitoService, type CognitoCall } from './cognito/cognito.service.js';
import { DevMailbox } from './cognito/dev-mailbox.js';
import { ensureUserPool } from './cognito/user-pool.bootstrap.js';
import { ensureTables, physicalTableName, startDynamoDbThread, TtlSweeper } from './dynamodb/dynamodb.js';
import { EventBus, type DeadLetter, type DeliveryPolicy } from './eventbridge/event-bus.js';
import { createEventBridgeServer } from './eventbridge/eventbridge.server.js';
import { closeServer, listen } from './http/listen.js';
import { handlerEnvironment, type Endpoints } from './local-cloud.environment.js';
import { DEFAULT_PORTS, portsFromEnv, type Ports, type ServiceName } from './ports.js';
import { importHandlerLoader, LambdaRuntime, type HandlerLoader } from './runtime/lambda-runtime.js';
import { functionsTriggeredBy, systemTopology, type Topology } from './runtime/topology.js';
import { buildLocalCatalog, runDeployFunctions } from './runtime/start-tasks.js';
import { startRedshiftDataServer, type RedshiftDataServer, type RedshiftDataServerOptions } from './warehouse/index.js';
import { assertPortFree } from './http/port-probe.js';
import { createWebServer } from './web/web.server.js';

export const WORKSPACE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const ACCOUNT = '000000000000';

export interface LocalCloudOptions {
  /** Default: the documented ports, each overridable by its variable. Tests pass `ephemeralPorts()`. */
  readonly ports?: Ports;
  /** Default `<workspace>/.redwire`. */
  readonly stateDir?: string;
  /** Root the topology's entries are relative to; default the workspace. */
  readonly workspaceRoot?: string;
  /** Default: Redwire's topology from libs/system. */
  readonly topology?: Topology;
  /** Default: dynamic import of `<workspaceRoot>/<entry>`. */
  readonly loadHandler?: HandlerLoader;
  /** Sample rows the warehouse generates on first start (its default is 12 M). */
  readonly sampleRows?: number;
  /** Start the Redshift Data API stand-in (default true). */
  readonly warehouse?: boolean;
  /** Extra options for the warehouse stand-in (e.g. `enableTestFunctions`). */
  readonly warehouseOptions?: Partial<RedshiftDataServerOptions>;
  readonly region?: string;
  readonly webDistDir?: string;
  readonly websocketLimits?: Partial<WebSocketLimits>;
  readonly delivery?: Partial<DeliveryPolicy>;
  readonly onDeadLetter?: (letter: DeadLetter) => void;
  readonly ttlSweepIntervalMs?: number;
  readonly logger?: Logger;
  /** Print Cognito codes and warehouse progress for a person at the console. */
  readonly interactive?: boolean;
  /** Extra or replaced handler environment values. */
  readonly environment?: Readonly<Record<string, string>>;
}

export interface LocalCloud {
  readonly endpoints: Endpoints;
  /** What handlers see in process.env. */
  readonly environment: Readonly<Record<string, string>>;
  readonly bus: EventBus;
  readonly tableNames: readonly string[];
  /** Deletes expired items now (the sweeper also runs on its interval). */
  sweepTtl(): Promise<number>;
  readonly mailbox: DevMailbox;
  /** Functions whose handler does not exist yet (their requests fail as AWS integration failures). */
  readonly unavailableFunctions: readonly string[];
  readonly connections: ConnectionStore;
  readonly warehouse: RedshiftDataServer | undefined;
  close(): Promise<void>;
}

/** Starts every stand-in on 127.0.0.1, wired from the topology. One local cloud per process (handlers share process.env). */
export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const root = options.workspaceRoot ?? WORKSPACE_ROOT;
  const stateDir = resolve(options.stateDir ?? join(WORKSPACE_ROOT, '.redwire'));
  const ports = options.ports ?? portsFromEnv();
  const region = options.region ?? 'us-east-1';
  const topology = options.topology ?? systemTopology();
  const logger = options.logger ?? pino({ level: process.env['REDWIRE_LOG_LEVEL'] ?? 'info' });
  const limits = { ...AWS_WEBSOCKET_LIMITS, ...options.websocketLimits };
  mkdirSync(stateDir, { recursive: true });

  const servers: Server[] = [];
  const cleanups: (() => Promise<void> | void)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch((error: unknown) => logger.warn({ err: error }, 'shutdown step failed'));
    await Promise.all(servers.map((s) => closeServer(s)));
  };
  const start = async (service: ServiceName, server: Server) => {
    servers.push(server);
    return listen(server, ports[service], service, DEFAULT_PORTS[service].env);
  };

  try {
    const runtime = new LambdaRuntime({ functions: topology.functions, loader: options.loadHandler ?? importHandlerLoader(root), region, account: ACCOUNT, logger });
    const invoke = (name: string, event: unknown) => runtime.invoke(name, event);
    const bus = new EventBus({ region, account: ACCOUNT, invoke, logger, ...(options.delivery ? { delivery: options.delivery } : {}), ...(options.onDeadLetter ? { onDeadLetter: options.onDeadLetter } : {}) });
    cleanups.push(() => bus.close());

    // The warehouse loads its sample data meanwhile: it is the slow part of a first start.
    let warehouseStarting: Promise<RedshiftDataServer | undefined> = Promise.resolve(undefined);
    if (options.warehouse !== false) {
      await assertPortFree(ports.redshiftData, 'redshiftData', DEFAULT_PORTS.redshiftData.env);
      warehouseStarting = startRedshiftDataServer({
        port: ports.redshiftData,
        stateDir: join(stateDir, 'warehouse'),
        ...(options.sampleRows !== undefined ? { sampleRows: options.sampleRows } : {}),
        region,
        accountId: ACCOUNT,
        onStatusChange: (event) => bus.publish({ source: event.source, 'detail-type': event['detail-type'], detail: event.detail as unknown as Record<string, unknown>, resources: event.resources, time: event.time }),
        onProgress: (line) => (options.interactive ? process.stdout.write(`  ${line}\n`) : logger.info({ progress: line }, 'warehouse')),
        ...options.warehouseOptions,
      });
      const pending = warehouseStarting;
      pending.catch(() => undefined); // awaited below; this keeps an early failure from being "unhandled"
      cleanups.push(async () => {
        const started = await pending.catch(() => undefined);
        await started?.close();
      });
    }

    const mailbox = new DevMailbox(join(stateDir, 'cognito', 'dev-mail.json'));
    // Filled in as services come up; the servers listen first so every port is known.
    const late: { cognito?: CognitoCall; verifier?: IdTokenVerifier; endpoints?: Endpoints } = {};
    const jwks = cognitoLocalJwks();

    const connections = new ConnectionStore();
    const wsRoutes = new Map<string, string>();
    for (const fn of functionsTriggeredBy(topology, 'websocket-route')) for (const route of fn.trigger.routes) wsRoutes.set(route, fn.name);
    const httpRoutes = new HttpRouteTable();
    for (const fn of functionsTriggeredBy(topology, 'http-route')) for (const route of fn.trigger.routes) httpRoutes.add(route, fn.name);

    const webPort = await start('web', createWebServer({ distDir: options.webDistDir ?? join(WORKSPACE_ROOT, 'apps/web/dist'), mailbox, config: () => ({ ...late.endpoints, authFlow: 'USER_PASSWORD_AUTH' }) }));
    const web = `http://127.0.0.1:${webPort}`;
    const api = (): { -readonly [K in keyof ApiIdentity]: ApiIdentity[K] } => ({ apiId: 'local', stage: 'local', domainName: '127.0.0.1', region, account: ACCOUNT });
    const wsIdentity = api();
    const wsApi = createWebSocketApi({ api: wsIdentity, runtime, routes: wsRoutes, authorizer: functionsTriggeredBy(topology, 'websocket-authorizer')[0]?.name, tokenQuery: WEBSOCKET_TOKEN_QUERY, connections, limits, logger });
    cleanups.push(() => wsApi.closeAll());
    const wsPort = await start('websocket', wsApi.server);
    wsIdentity.domainName = `127.0.0.1:${wsPort}`;
    const mgmtPort = await start('apiGatewayManagement', createConnectionsApi({ connections, maxMessageBytes: limits.maxMessageBytes, maxFrameBytes: limits.maxFrameBytes, logger }));
    const restIdentity = api();
    const restPort = await start('rest', createHttpApi({
      api: restIdentity,
      runtime,
      routes: httpRoutes,
      verifier: () => {
        if (!late.verifier) throw new Error('the JWT authorizer is not ready');
        return late.verifier;
      },
      allowedOrigins: [web, `http://localhost:${webPort}`],
      logger,
    }));
    restIdentity.domainName = `127.0.0.1:${restPort}`;
    const ebPort = await start('eventbridge', createEventBridgeServer(bus, logger));
    const dynamoThread = await startDynamoDbThread(join(stateDir, 'dynamodb'), ports.dynamodb, DEFAULT_PORTS.dynamodb.env, (message) =>
      logger.error({ error: message.slice(0, 2000) }, 'the DynamoDB stand-in (dynalite) thread failed'),
    );
    // First in the list, so the last to run (cleanups run in reverse): everything that may still
    // call the registry (sockets closing → $disconnect, the TTL sweeper, the bus) stops before it.
    cleanups.unshift(() => dynamoThread.close());
    const dynamoPort = dynamoThread.port;
    const cognitoPort = await start('cognito', createCognitoServer(() => {
      if (!late.cognito) throw new Error('Cognito is starting');
      return late.cognito;
    }, jwks, logger));
    const cognitoUrl = `http://127.0.0.1:${cognitoPort}`;

    const cognitoCall = await createCognitoService({ dataDir: join(stateDir, 'cognito'), issuerDomain: cognitoUrl, mailbox, logger, printCodes: options.interactive ?? false });
    late.cognito = cognitoCall;
    const pool = await ensureUserPool(cognitoCall, join(stateDir, 'cognito', 'redwire-pool.json'));
    late.verifier = createIdTokenVerifier({ region, userPoolId: pool.userPoolId, clientId: pool.userPoolClientId, issuer: `${cognitoUrl}/${pool.userPoolId}`, jwks });

    const dynamo = new DynamoDBClient({ region, endpoint: `http://127.0.0.1:${dynamoPort}`, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    cleanups.push(() => dynamo.destroy());
    const tableNames = await ensureTables(dynamo, 'redwire-local', topology.tables);
    const sweeper = new TtlSweeper(dynamo, topology.tables.map((spec) => ({ name: physicalTableName('redwire-local', spec), spec })), logger);
    sweeper.start(options.ttlSweepIntervalMs ?? 30_000);
    cleanups.push(() => sweeper.stop());

    const warehouse = await warehouseStarting;

    const endpoints: Endpoints = {
      web,
      websocket: `ws://127.0.0.1:${wsPort}`,
      rest: `http://127.0.0.1:${restPort}`,
      redshiftData: warehouse?.url ?? `http://127.0.0.1:${ports.redshiftData}`,
      dynamodb: `http://127.0.0.1:${dynamoPort}`,
      cognito: cognitoUrl,
      eventbridge: `http://127.0.0.1:${ebPort}`,
      apiGatewayManagement: `http://127.0.0.1:${mgmtPort}`,
      userPoolId: pool.userPoolId,
      userPoolClientId: pool.userPoolClientId,
      region,
    };
    late.endpoints = endpoints;
    const catalogUrl = options.environment?.[ENV.catalogUrl] ? undefined : await buildLocalCatalog(root, stateDir);
    const environment = {
      ...handlerEnvironment({ endpoints, tableName: tableNames[0] ?? '', jwks, stateDir, workspaceRoot: root, logLevel: logger.level }),
      ...(catalogUrl ? { [ENV.catalogUrl]: catalogUrl } : {}),
      ...options.environment,
    };
    for (const [name, value] of Object.entries(environment)) if (name.startsWith('AWS_')) process.env[name] = value;
    await runtime.load(environment);
    if (warehouse) await runDeployFunctions(runtime, topology, logger);

    for (const rule of topology.rules) bus.addRule(rule.name, rule.eventPattern, functionsTriggeredBy(topology, 'event-rule').filter((f) => f.trigger.rule === rule.name).map((f) => f.name));
    for (const schedule of topology.schedules) {
      bus.addSchedule(schedule.name, schedule.expression, functionsTriggeredBy(topology, 'schedule').filter((f) => f.trigger.schedule === schedule.name).map((f) => f.name));
    }
    writeFileSync(join(stateDir, 'endpoints.json'), `${JSON.stringify(endpoints, null, 2)}\n`);

    return {
      endpoints,
      environment,
      bus,
      tableNames,
      sweepTtl: () => sweeper.sweep(),
      mailbox,
      unavailableFunctions: runtime.unavailable,
      connections,
      warehouse,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
