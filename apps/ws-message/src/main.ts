import type { APIGatewayProxyWebsocketEventV2 } from 'aws-lambda';
import { handleMessage, identityFromAuthorizer, messageFlowFromEnv } from '@redwire/report-flow';

/** Every WebSocket message route (`submit`, `cancel`, `resume`, `ping`, `$default`); replies go through `@connections`. */
const deps = messageFlowFromEnv('ws-message');

export async function handler(event: APIGatewayProxyWebsocketEventV2): Promise<{ statusCode: number }> {
  const { connectionId, requestId } = event.requestContext;
  await handleMessage(deps, {
    connectionId,
    identity: identityFromAuthorizer((event.requestContext as { authorizer?: unknown }).authorizer),
    body: event.body,
    isBase64Encoded: event.isBase64Encoded,
    apiRequestId: requestId,
  });
  return { statusCode: 200 };
}
