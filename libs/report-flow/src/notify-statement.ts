import { isOpenState, parseStatementName } from '@redwire/connection-registry';
import type { Outcome } from '@redwire/connection-registry';
import type { FlowDependencies } from './flow-ports.js';
import { pushAndRelease } from './settle-statement.js';
import { parseStatusEvent, type StatementStatusEvent } from './status-event.js';

export type NotifyResult = 'delivered' | 'duplicate' | 'ignored';

/**
 * notify, on the user's critical path, so it makes as few calls as it can before the push:
 * one conditional UpdateItem, addressed by the key in the statement's name, records the outcome
 * (once) and returns the subscription; the outcome is posted; then the slot is freed. The
 * warehouse is asked only when the event cannot say the outcome itself (FAILED: the error text;
 * FINISHED without `rows`). Duplicates are answered without a second push and free the slot
 * again (idempotent). Registry or warehouse failures are thrown, so the event is retried
 * (and dead-lettered).
 */
export async function notifyStatement(deps: FlowDependencies, event: unknown): Promise<NotifyResult> {
  const status = parseStatusEvent(event);
  if (status === undefined) {
    deps.logger.warn('not a final statement status event; ignored');
    return 'ignored';
  }
  const log = deps.logger.child({ statementId: status.statementId });
  const name = parseStatementName(status.statementName);
  if (name === undefined) {
    log.warn({ statementName: status.statementName?.slice(0, 200) }, 'no subscription for this statement; ignored');
    return 'ignored';
  }
  const outcome = await outcomeFromEvent(deps, status);
  const result = await deps.registry.subscriptions.finishOnce(name.key, outcome, status.statementId);
  if (result.won) {
    const subscription = result.subscription;
    await pushAndRelease({ ...deps, logger: log.child({ userId: subscription.userId, connectionId: subscription.connectionId, requestId: subscription.requestId }) }, subscription);
    return 'delivered';
  }
  const current = result.subscription;
  if (current === undefined) {
    log.warn({ statementName: status.statementName?.slice(0, 200) }, 'no subscription for this statement; ignored');
    return 'ignored';
  }
  if (current.statementId !== undefined && current.statementId !== status.statementId) {
    log.warn({ key: name.key }, 'event names a subscription of another statement; ignored');
    return 'ignored';
  }
  // Open and this statement's, yet the write was refused: it changed between the write and the
  // read. Throw, so the retried event decides again.
  if (isOpenState(current.state)) throw new Error('the subscription changed while its outcome was recorded; retry');
  // Idempotent under double delivery: the conditional write refused a second outcome, and the
  // slot release it repeats heals a crash between the winning write and the release.
  await deps.registry.subscriptions.releaseSlot(current);
  log.info('duplicate event; outcome already recorded');
  return 'duplicate';
}

/**
 * The outcome the event stands for. `rows` (the documented example shape) is the statement's
 * row count — Redwire runs exactly one SELECT per statement, so it is the result's row count; the
 * other documented shape has only `pages`, and FAILED events carry no error text, so those two
 * ask DescribeStatement.
 */
async function outcomeFromEvent(deps: FlowDependencies, status: StatementStatusEvent): Promise<Outcome> {
  if (status.state === 'ABORTED') return { state: 'aborted' };
  if (status.state === 'FINISHED' && status.rows !== undefined) return { state: 'finished', rowCount: status.rows };
  const description = await deps.runner.describe(status.statementId);
  if (status.state === 'FINISHED') return { state: 'finished', rowCount: description.rowCount ?? 0 };
  return { state: 'failed', error: description.error ?? { code: 'query_failed', message: 'the statement failed' } };
}
