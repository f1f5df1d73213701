import { serverMessages, type ResumeMessage } from '@redwire/protocol';
import { deliver } from './deliver.js';
import type { FlowDependencies } from './flow-ports.js';
import { outcomeMessage } from './outcome-message.js';
import type { Session } from './session.js';

/**
 * `resume` after a reconnect: the caller's own subscriptions move to this connection; every
 * listed statement that has ended gets its outcome sent (again), the others' outcomes follow
 * when they end. Each unknown or foreign id gets its own `statement_not_found`.
 */
export async function resumeStatements(deps: FlowDependencies, session: Session, message: ResumeMessage): Promise<void> {
  const log = session.logger.child(message.requestId ? { requestId: message.requestId } : {});
  const results = await deps.registry.subscriptions.resume(session.identity.userId, session.connectionId, message.statementIds);
  for (const { statementId, subscription } of results) {
    if (subscription === undefined) {
      const ids = message.requestId ? { requestId: message.requestId, statementId } : { statementId };
      const sent = await deliver({ ...deps, logger: log }, session.connectionId, serverMessages.error('statement_not_found', 'no statement with this id', ids));
      if (sent === 'gone') return;
      continue;
    }
    const outcome = outcomeMessage(subscription);
    if (outcome && (await deliver({ ...deps, logger: log }, session.connectionId, outcome)) === 'gone') return;
  }
  log.info({ statements: results.length, resumed: results.filter((r) => r.subscription).length }, 'resumed');
}
