/**
 * Every environment variable a Redwire function reads. Infra sets them on each
 * Lambda from this list; the local cloud sets them before it loads handlers.
 * Values are strings; handlers parse them once with zod (libs/config).
 */
export const ENV = {
  /** Region of every AWS service Redwire calls. Lambda sets AWS_REGION itself. */
  region: 'AWS_REGION',
  /** DynamoDB table holding connections, subscriptions and per-user slots. */
  tableName: 'REDWIRE_TABLE_NAME',
  /** Where the validated catalog bundle lives: `s3://bucket/key` or `file:///path`. */
  catalogUrl: 'REDWIRE_CATALOG_URL',
  /** The WebSocket API's `@connections` endpoint (https://{api}.execute-api.{region}.amazonaws.com/{stage}). */
  connectionsUrl: 'REDWIRE_CONNECTIONS_URL',
  /** Cognito user pool id and app client id (ID token `aud`). */
  userPoolId: 'REDWIRE_USER_POOL_ID',
  userPoolClientId: 'REDWIRE_USER_POOL_CLIENT_ID',
  /** Token issuer; defaults to Cognito's `https://cognito-idp.<region>.amazonaws.com/<poolId>`. */
  tokenIssuer: 'REDWIRE_TOKEN_ISSUER',
  /** Inline JWKS JSON to preload (local Cognito serves it over http:, which aws-jwt-verify refuses). */
  jwks: 'REDWIRE_JWKS',
  /** Redshift target: exactly one of cluster id or Serverless workgroup. */
  clusterIdentifier: 'REDWIRE_CLUSTER_IDENTIFIER',
  workgroupName: 'REDWIRE_WORKGROUP_NAME',
  database: 'REDWIRE_DATABASE',
  /** Credentials: a database user (cluster only) or a Secrets Manager ARN; neither means IAM identity. */
  dbUser: 'REDWIRE_DB_USER',
  secretArn: 'REDWIRE_SECRET_ARN',
  /** HMAC key that signs result cursors (>= 32 chars). */
  cursorSecret: 'REDWIRE_CURSOR_SECRET',
  /** Statements a user may have running at once. */
  maxRunningPerUser: 'REDWIRE_MAX_RUNNING_PER_USER',
  /** Seconds a statement may run with nobody connected before the sweeper cancels it. */
  abandonGraceSeconds: 'REDWIRE_ABANDON_GRACE_SECONDS',
  /** Sample data (setup-warehouse): `s3://` Parquet prefix to COPY from in AWS, with its IAM role. */
  sampleDataUrl: 'REDWIRE_SAMPLE_DATA_URL',
  sampleDataRoleArn: 'REDWIRE_SAMPLE_DATA_ROLE_ARN',
  /** pino level. */
  logLevel: 'REDWIRE_LOG_LEVEL',
} as const;

export type EnvKey = keyof typeof ENV;
export type EnvName = (typeof ENV)[EnvKey];
