import { isOpenState, parseStatementName } from '@redwire/connection-registry';
import type { Outcome } from '@redwire/connection-registry';
import type { FlowDependencies } from './flow-ports.js';
import { settle } from './settle-statement.js';
import { parseStatusEvent, type StatementStatusEvent } from './status-event.js';

export type NotifyResult = 'delivered' | 'duplicate' | 'ignored';

/**
 * notify: the subscription is read by the key in the statement's name (strongly consistent),
 * the outcome is set once and pushed. Duplicates are answered without a second push. Failures
 * of the registry or the warehouse are thrown, so the event is retried (and dead-lettered).
 */
export async function notifyStatement(deps: FlowDependencies, event: unknown): Promise<NotifyResult> {
  const status = parseStatusEvent(event);
  if (status === undefined) {
    deps.logger.warn('not a final statement status event; ignored');
    return 'ignored';
  }
  const log = deps.logger.child({ statementId: status.statementId });
  const name = parseStatementName(status.statementName);
  const subscription = name ? await deps.registry.subscriptions.get(name.key) : undefined;
  if (subscription === undefined) {
    log.warn({ statementName: status.statementName?.slice(0, 200) }, 'no subscription for this statement; ignored');
    return 'ignored';
  }
  if (subscription.statementId !== undefined && subscription.statementId !== status.statementId) {
    log.warn({ key: name?.key }, 'event names a subscription of another statement; ignored');
    return 'ignored';
  }
  if (!isOpenState(subscription.state)) {
    // Idempotent under double delivery: the conditional write refuses a second outcome, and the
    // slot release it repeats heals a crash between the winning write and the release.
    await deps.registry.subscriptions.finish(subscription.key, subscription.outcome ?? { state: 'aborted' }, status.statementId);
    log.info('duplicate event; outcome already recorded');
    return 'duplicate';
  }
  const outcome = await outcomeFromEvent(deps, status);
  const { won } = await settle({ ...deps, logger: log }, subscription, outcome, status.statementId);
  return won ? 'delivered' : 'duplicate';
}

async function outcomeFromEvent(deps: FlowDependencies, status: StatementStatusEvent): Promise<Outcome> {
  if (status.state === 'ABORTED') return { state: 'aborted' };
  // The event carries neither the error text nor (in one documented shape) the row count.
  const description = await deps.runner.describe(status.statementId);
  if (status.state === 'FINISHED') return { state: 'finished', rowCount: description.rowCount ?? status.rows ?? 0 };
  return { state: 'failed', error: description.error ?? { code: 'query_failed', message: 'the statement failed' } };
}
