import type { ConnectionRegistry } from '@redwire/connection-registry';
import type { Logger } from '@redwire/config';
import type { Identity } from './flow-ports.js';

/** `$connect` (after the authorizer allowed it): registers the connection with the user's identity. */
export async function registerConnection(
  deps: { readonly registry: Pick<ConnectionRegistry, 'connections'>; readonly logger: Logger },
  connectionId: string,
  identity: Identity | undefined,
): Promise<{ statusCode: number }> {
  if (identity === undefined) {
    deps.logger.warn({ connectionId }, '$connect without an authorizer identity; refused');
    return { statusCode: 403 };
  }
  await deps.registry.connections.put({ connectionId, userId: identity.userId, groups: identity.groups });
  deps.logger.info({ connectionId, userId: identity.userId }, 'connected');
  return { statusCode: 200 };
}

/**
 * `$disconnect` (best effort, as in AWS): open subscriptions are marked orphaned, so the
 * sweeper cancels them once nobody has resumed them within the grace period; the connection goes.
 */
export async function unregisterConnection(
  deps: { readonly registry: Pick<ConnectionRegistry, 'connections' | 'subscriptions'>; readonly logger: Logger },
  connectionId: string,
): Promise<{ statusCode: number }> {
  const orphaned = await deps.registry.subscriptions.orphanConnection(connectionId);
  await deps.registry.connections.delete(connectionId);
  deps.logger.info({ connectionId, orphaned: orphaned.length }, 'disconnected');
  return { statusCode: 200 };
}
