import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { loggerFor, registryFromEnv, unregisterConnection } from '@redwire/report-flow';

/** `$disconnect` (best effort): orphans the connection's open subscriptions and removes it. */
const deps = { registry: registryFromEnv(), logger: loggerFor('ws-disconnect') };

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<{ statusCode: number }> {
  return unregisterConnection(deps, event.requestContext.connectionId);
}
