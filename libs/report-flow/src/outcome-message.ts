import type { Outcome, Subscription } from '@redwire/connection-registry';
import { serverMessages, type ServerMessage } from '@redwire/protocol';

/** The `completed` / `failed` / `aborted` message for a final subscription; undefined while it is open. */
export function outcomeMessage(subscription: Subscription): ServerMessage | undefined {
  const { outcome, statementId, topic, requestId } = subscription;
  if (outcome === undefined || statementId === undefined) return undefined;
  return messageFor(outcome, { statementId, topic, requestId });
}

function messageFor(outcome: Outcome, ids: { statementId: string; topic: string; requestId: string }): ServerMessage {
  switch (outcome.state) {
    case 'finished':
      return serverMessages.completed({ ...ids, rowCount: outcome.rowCount });
    case 'failed':
      return serverMessages.failed({ ...ids, error: { code: outcome.error.code, message: outcome.error.message } });
    case 'aborted':
      return serverMessages.aborted(ids);
  }
}
