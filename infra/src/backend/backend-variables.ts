import { TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { expr } from '../shared/expression.js';

const LOG_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Operator-tunable settings of the backend stack (the Redshift target lives in RedshiftTarget). */
export function backendVariables(scope: Construct) {
  const positive = (name: string, fallback: number, description: string) =>
    new TerraformVariable(scope, name, {
      type: 'number',
      default: fallback,
      description,
      validation: [{ condition: expr(`var.${name} >= 1 && floor(var.${name}) == var.${name}`), errorMessage: `${name} must be a whole number of at least 1.` }],
    });
  return {
    cursorSecret: new TerraformVariable(scope, 'cursor_secret', {
      type: 'string',
      sensitive: true,
      description: 'HMAC key signing result cursors, at least 32 characters (e.g. `openssl rand -hex 32`).',
      validation: [{ condition: expr('length(var.cursor_secret) >= 32'), errorMessage: 'cursor_secret must be at least 32 characters (try: openssl rand -hex 32).' }],
    }),
    logLevel: new TerraformVariable(scope, 'log_level', {
      type: 'string',
      default: 'info',
      validation: [
        {
          condition: expr('contains(["fatal", "error", "warn", "info", "debug", "trace", "silent"], var.log_level)'),
          errorMessage: 'log_level must be a pino level: fatal, error, warn, info, debug, trace or silent.',
        },
      ],
    }),
    logRetention: new TerraformVariable(scope, 'log_retention_days', {
      type: 'number',
      default: 30,
      description: 'Retention of every Redwire log group.',
      validation: [
        {
          condition: expr(`contains([${LOG_RETENTION_DAYS.join(', ')}], var.log_retention_days)`),
          errorMessage: `log_retention_days must be one of CloudWatch's values: ${LOG_RETENTION_DAYS.join(', ')}.`,
        },
      ],
    }),
    maxRunningPerUser: positive('max_running_per_user', 3, 'Statements one user may have running at once.'),
    abandonGraceSeconds: positive('abandon_grace_seconds', 300, 'Seconds a statement may run with nobody connected before the sweeper cancels it.'),
    wsThrottleRate: positive('websocket_throttle_rate', 50, 'WebSocket stage steady-state requests per second.'),
    wsThrottleBurst: positive('websocket_throttle_burst', 100, 'WebSocket stage burst.'),
    httpThrottleRate: positive('http_throttle_rate', 50, 'HTTP API steady-state requests per second.'),
    httpThrottleBurst: positive('http_throttle_burst', 100, 'HTTP API burst.'),
    corsOrigins: new TerraformVariable(scope, 'cors_allowed_origins', {
      type: 'list(string)',
      default: ['*'],
      description: 'Origins allowed to call the HTTP API (the web stack\'s URL and intranet pages embedding the components). Tokens travel in the Authorization header, never cookies.',
    }),
    manageApiGatewayAccount: new TerraformVariable(scope, 'manage_api_gateway_account', {
      type: 'bool',
      default: true,
      description: 'Set the account-level API Gateway CloudWatch role (one per account and region). False if the account already has one.',
    }),
    loadSampleData: new TerraformVariable(scope, 'load_sample_data', {
      type: 'bool',
      default: false,
      description: 'Have setup-warehouse COPY the sample Parquet into an empty table (attach sample_data_copy_role_arn to the cluster or namespace first).',
    }),
    forceDestroyBuckets: new TerraformVariable(scope, 'force_destroy_buckets', {
      type: 'bool',
      default: false,
      description: 'Let `destroy` delete the catalog bucket with its object versions.',
    }),
  };
}

export type BackendVariables = ReturnType<typeof backendVariables>;
