import { PostToConnectionCommand, type ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { serializeServerMessage } from '@redwire/protocol';
import type { SocketSender } from './flow-ports.js';

/**
 * Posts server messages through the `@connections` API. A 410 (`GoneException`) means the
 * socket is gone: it is reported, not thrown, so callers can drop the connection and carry on.
 */
export function createSocketSender(client: Pick<ApiGatewayManagementApiClient, 'send'>): SocketSender {
  return {
    async send(connectionId, message) {
      try {
        await client.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: new TextEncoder().encode(serializeServerMessage(message)) }));
        return 'sent';
      } catch (error) {
        if (isGone(error)) return 'gone';
        throw error;
      }
    },
  };
}

function isGone(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'GoneException' || status === 410;
}
