import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { identityFromAuthorizer, loggerFor, registerConnection, registryFromEnv } from '@redwire/report-flow';

/** `$connect`: registers the connection the authorizer allowed. */
const deps = { registry: registryFromEnv(), logger: loggerFor('ws-connect') };

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<{ statusCode: number }> {
  const { connectionId } = event.requestContext;
  return registerConnection(deps, connectionId, identityFromAuthorizer((event.requestContext as { authorizer?: unknown }).authorizer));
}
