import { connectionsClient, createLogger, dynamoDbDocumentClient, limitsEnv, parseEnv, redshiftDataClient, registryEnv, warehouseEnv, connectionsEnv, cursorSecretEnv, type Env, type Logger } from '@redwire/config';
import { createConnectionRegistry, type ConnectionRegistry } from '@redwire/connection-registry';
import { loadCatalog, type CatalogBundle } from '@redwire/query-catalog';
import { ENV } from '@redwire/system';
import { Warehouse } from '@redwire/warehouse';
import * as z from 'zod/mini';
import type { FlowDependencies, MessageDependencies, SocketSender } from './flow-ports.js';
import { createSocketSender } from './socket-sender.js';

/**
 * Builders that turn a handler's environment into the flow's dependencies, once per cold start.
 * Each reads only the variables its function has (libs/system lists them) and fails with one
 * ConfigError naming every missing or bad variable.
 */

/** `REDWIRE_CATALOG_URL`: `s3://bucket/key` in AWS, `file:///…/catalog.json` locally. */
const catalogUrlSchema = z.object({
  [ENV.catalogUrl]: z.string({ error: () => 'is missing (where the catalog bundle lives)' }).check(
    z.regex(/^(s3:\/\/[^/\s]+\/\S+|file:\/\/\/\S+)$/, { error: 'must be an s3://bucket/key or file:/// URL' }),
  ),
});
export const catalogEnv = z.pipe(
  catalogUrlSchema,
  z.transform((env: z.output<typeof catalogUrlSchema>) => ({ catalogUrl: env[ENV.catalogUrl] })),
);

export function loggerFor(functionName: string, env: Env = process.env): Logger {
  return createLogger({ function: functionName }, { env });
}

export function registryFromEnv(env: Env = process.env): ConnectionRegistry {
  const { registry, limits } = parseEnv({ registry: registryEnv, limits: limitsEnv }, env);
  return createConnectionRegistry({ client: dynamoDbDocumentClient(env), tableName: registry.tableName, maxRunningPerUser: limits.maxRunningPerUser });
}

export function warehouseFromEnv(env: Env = process.env, options: { withCursors?: boolean } = {}): Warehouse {
  const { target } = parseEnv({ target: warehouseEnv }, env);
  const cursorSecret = options.withCursors ? parseEnv({ cursor: cursorSecretEnv }, env).cursor.cursorSecret : undefined;
  return new Warehouse({ client: redshiftDataClient(env), target, ...(cursorSecret ? { cursorSecret } : {}) });
}

export function senderFromEnv(env: Env = process.env): SocketSender {
  const { connections } = parseEnv({ connections: connectionsEnv }, env);
  return createSocketSender(connectionsClient(connections.connectionsUrl, env));
}

export function catalogFromEnv(env: Env = process.env): () => Promise<CatalogBundle> {
  const { catalog } = parseEnv({ catalog: catalogEnv }, env);
  return () => loadCatalog(catalog.catalogUrl);
}

/** notify and the sweeper: registry, warehouse, socket. */
export function flowFromEnv(functionName: string, env: Env = process.env): FlowDependencies {
  return { registry: registryFromEnv(env), runner: warehouseFromEnv(env), sender: senderFromEnv(env), logger: loggerFor(functionName, env) };
}

/** ws-message: the flow plus the catalog. */
export function messageFlowFromEnv(functionName: string, env: Env = process.env): MessageDependencies {
  return { ...flowFromEnv(functionName, env), catalog: catalogFromEnv(env) };
}

/** Abandon grace for the sweeper (REDWIRE_ABANDON_GRACE_SECONDS, default 120). */
export function abandonGraceSecondsFromEnv(env: Env = process.env): number {
  return parseEnv({ limits: limitsEnv }, env).limits.abandonGraceSeconds;
}
