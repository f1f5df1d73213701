import { isOpenState } from '@redwire/connection-registry';
import { serverMessages, type CancelMessage } from '@redwire/protocol';
import { deliver } from './deliver.js';
import type { FlowDependencies } from './flow-ports.js';
import { outcomeMessage } from './outcome-message.js';
import type { Session } from './session.js';

/**
 * `cancel`: asks the warehouse to stop the caller's own running statement; the `aborted`
 * outcome follows through notify (or the sweeper). A statement that already ended gets its
 * outcome again. Someone else's or an unknown id → `statement_not_found`, and nothing is touched.
 */
export async function cancelStatement(deps: FlowDependencies, session: Session, message: CancelMessage): Promise<void> {
  const { statementId, requestId } = message;
  const log = session.logger.child({ statementId, ...(requestId ? { requestId } : {}) });
  const subscription = await deps.registry.subscriptions.getByStatementId(statementId);
  if (subscription === undefined || subscription.userId !== session.identity.userId) {
    log.info('cancel refused: no such statement of this user');
    const ids = requestId ? { requestId, statementId } : { statementId };
    await deliver({ ...deps, logger: log }, session.connectionId, serverMessages.error('statement_not_found', 'no statement with this id', ids));
    return;
  }
  if (!isOpenState(subscription.state)) {
    const outcome = outcomeMessage(subscription);
    if (outcome) await deliver({ ...deps, logger: log }, session.connectionId, outcome);
    return;
  }
  const cancelled = await deps.runner.cancel(statementId);
  log.info({ cancelled }, 'cancel requested');
}
