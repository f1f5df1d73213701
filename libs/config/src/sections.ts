import { ENV } from '@redwire/system';
import * as z from 'zod/mini';

const text = z.optional(z.string());

/** `schema`, then `map` over its output (zod/mini has no `.transform` method). */
function mapped<S extends z.ZodMiniType, O>(schema: S, map: (value: z.output<S>) => O) {
  return z.pipe(schema, z.transform<z.output<S>, O>(map));
}

function requiredText(what: string) {
  return z.string({ error: () => `is missing (${what})` });
}

function wholeNumber(fallback: number, min: number, max: number) {
  return z.pipe(
    mapped(z.optional(z.string().check(z.regex(/^\d+$/, { error: `must be a whole number from ${min} to ${max}` }))), (value) =>
      value === undefined ? fallback : Number(value),
    ),
    z.number().check(z.gte(min, { error: `must be at least ${min}` }), z.lte(max, { error: `must be at most ${max}` })),
  );
}

/** How Redwire reaches Redshift: exactly one target, one way to sign in, one database. */
export type WarehouseTarget = (
  | { readonly kind: 'cluster'; readonly clusterIdentifier: string }
  | { readonly kind: 'workgroup'; readonly workgroupName: string }
) & {
  readonly database: string;
  /** Absent both: the caller's IAM identity. DbUser exists only with a provisioned cluster. */
  readonly credentials:
    | { readonly kind: 'iam' }
    | { readonly kind: 'db-user'; readonly dbUser: string }
    | { readonly kind: 'secret'; readonly secretArn: string };
};

/** `REDWIRE_CLUSTER_IDENTIFIER` xor `REDWIRE_WORKGROUP_NAME`, `REDWIRE_DATABASE`, optional `REDWIRE_DB_USER` xor `REDWIRE_SECRET_ARN`. */
export const warehouseEnv = mapped(
  z.object({
    [ENV.clusterIdentifier]: text,
    [ENV.workgroupName]: text,
    [ENV.database]: text,
    [ENV.dbUser]: text,
    [ENV.secretArn]: text,
  }).check(
    z.superRefine((env, ctx) => {
      const cluster = env[ENV.clusterIdentifier];
    const workgroup = env[ENV.workgroupName];
    const problem = (variable: string, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
    if (cluster === undefined && workgroup === undefined)
      problem(ENV.clusterIdentifier, `or ${ENV.workgroupName} must be set (the Redshift target)`);
    if (cluster !== undefined && workgroup !== undefined)
      problem(ENV.clusterIdentifier, `and ${ENV.workgroupName} are both set; set exactly one`);
    if (env[ENV.database] === undefined) problem(ENV.database, 'is missing (the database to run reports in)');
    if (env[ENV.dbUser] !== undefined && cluster === undefined)
      problem(ENV.dbUser, `needs ${ENV.clusterIdentifier}: a database user works only with a provisioned cluster`);
    if (env[ENV.dbUser] !== undefined && env[ENV.secretArn] !== undefined)
      problem(ENV.dbUser, `and ${ENV.secretArn} are both set; set at most one`);
    }),
  ),
  (env): WarehouseTarget => {
    const dbUser = env[ENV.dbUser];
    const secretArn = env[ENV.secretArn];
    const credentials: WarehouseTarget['credentials'] =
      dbUser !== undefined ? { kind: 'db-user', dbUser } : secretArn !== undefined ? { kind: 'secret', secretArn } : { kind: 'iam' };
    const database = env[ENV.database] ?? '';
    const cluster = env[ENV.clusterIdentifier];
    return cluster !== undefined
      ? { kind: 'cluster', clusterIdentifier: cluster, database, credentials }
      : { kind: 'workgroup', workgroupName: env[ENV.workgroupName] ?? '', database, credentials };
  },
);

/** `REDWIRE_TABLE_NAME`: the connection registry's DynamoDB table. */
export const registryEnv = mapped(z.object({ [ENV.tableName]: requiredText('the registry DynamoDB table name') }), (env) => ({
  tableName: env[ENV.tableName],
}));

/** `REDWIRE_CONNECTIONS_URL`: the WebSocket API's `@connections` endpoint. */
export const connectionsEnv = mapped(
  z.object({
    [ENV.connectionsUrl]: z.pipe(requiredText('the @connections endpoint URL'), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' })),
  }),
  (env) => ({ connectionsUrl: env[ENV.connectionsUrl] }),
);

/** `REDWIRE_CURSOR_SECRET`: HMAC key for result cursors, at least 32 characters. */
export const cursorSecretEnv = mapped(
  z.object({
    [ENV.cursorSecret]: requiredText('the result cursor signing key').check(z.minLength(32, { error: 'must be at least 32 characters long' })),
  }),
  (env) => ({ cursorSecret: env[ENV.cursorSecret] }),
);

/** `REDWIRE_MAX_RUNNING_PER_USER` (default 5), `REDWIRE_ABANDON_GRACE_SECONDS` (default 120). */
export const limitsEnv = mapped(
  z.object({
    [ENV.maxRunningPerUser]: wholeNumber(5, 1, 100),
    [ENV.abandonGraceSeconds]: wholeNumber(120, 10, 86_400),
  }),
  (env) => ({ maxRunningPerUser: env[ENV.maxRunningPerUser], abandonGraceSeconds: env[ENV.abandonGraceSeconds] }),
);

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** `REDWIRE_LOG_LEVEL` (default `info`). */
export const logLevelEnv = mapped(
  z.object({ [ENV.logLevel]: z.optional(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` })) }),
  (env): LogLevel => env[ENV.logLevel] ?? 'info',
);

/** `AWS_REGION`: Lambda sets it; the local cloud sets it for its handlers. */
export const regionEnv = mapped(z.object({ [ENV.region]: requiredText('the AWS region') }), (env) => env[ENV.region]);
