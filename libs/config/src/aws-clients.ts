import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseEnv, type Env } from './parse-env.js';
import { regionEnv } from './sections.js';

/**
 * Shared AWS SDK clients, created on first use and reused across warm Lambda invocations.
 *
 * Only the region is set here (from AWS_REGION). Endpoints are the SDK's own business:
 * it honours `AWS_ENDPOINT_URL_DYNAMODB`, `AWS_ENDPOINT_URL_REDSHIFT_DATA`, … (verified in
 * aws-clients.spec.ts), which is how the local cloud points the same code at its stand-ins.
 * The `@connections` endpoint is configuration (REDWIRE_CONNECTIONS_URL), so it is passed in.
 */
const instances = new Map<string, unknown>();

function shared<T>(key: string, create: () => T): T {
  if (!instances.has(key)) instances.set(key, create());
  return instances.get(key) as T;
}

function region(env: Env): string {
  return parseEnv({ region: regionEnv }, env).region;
}

export function dynamoDbClient(env: Env = process.env): DynamoDBClient {
  return shared('dynamodb', () => new DynamoDBClient({ region: region(env) }));
}

/** Document client over {@link dynamoDbClient}: plain JS values, `undefined` attributes dropped. */
export function dynamoDbDocumentClient(env: Env = process.env): DynamoDBDocumentClient {
  return shared('dynamodb-document', () =>
    DynamoDBDocumentClient.from(dynamoDbClient(env), { marshallOptions: { removeUndefinedValues: true } }),
  );
}

export function redshiftDataClient(env: Env = process.env): RedshiftDataClient {
  return shared('redshift-data', () => new RedshiftDataClient({ region: region(env) }));
}

/** One client per `@connections` endpoint (normally exactly one). */
export function connectionsClient(connectionsUrl: string, env: Env = process.env): ApiGatewayManagementApiClient {
  return shared(`connections ${connectionsUrl}`, () => new ApiGatewayManagementApiClient({ region: region(env), endpoint: connectionsUrl }));
}

/** Drops every shared client (tests that change the environment between cases). */
export function resetAwsClients(): void {
  for (const client of instances.values()) (client as { destroy?: () => void }).destroy?.();
  instances.clear();
}
