import type { Logger } from '@redwire/config';
import type { ConnectionRegistry } from '@redwire/connection-registry';
import type { ServerMessage } from '@redwire/protocol';
import type { SendResult, SocketSender } from './flow-ports.js';

/**
 * Posts `message` to a connection. A gone connection (410) is removed from the registry; the
 * outcome stays recorded, so a later `resume` or `GET /statements/{id}` still finds it. Other
 * post failures are logged and swallowed: push is a hint, the registry is the truth.
 */
export async function deliver(
  deps: { readonly sender: SocketSender; readonly registry: ConnectionRegistry; readonly logger: Logger },
  connectionId: string,
  message: ServerMessage,
): Promise<SendResult | 'failed'> {
  try {
    const result = await deps.sender.send(connectionId, message);
    if (result === 'gone') {
      deps.logger.info({ connectionId, messageType: message.type }, 'connection gone (410); dropping it from the registry');
      await deps.registry.connections.delete(connectionId);
    }
    return result;
  } catch (error) {
    deps.logger.error({ connectionId, messageType: message.type, err: error }, 'posting to the connection failed');
    return 'failed';
  }
}
