import type { FinishResult, Outcome, Subscription } from '@redwire/connection-registry';
import type { StatementDescription } from '@redwire/warehouse';
import { deliver } from './deliver.js';
import type { FlowDependencies } from './flow-ports.js';
import { outcomeMessage } from './outcome-message.js';

/** The outcome a final Data API description stands for; undefined while it still runs. */
export function outcomeOf(description: StatementDescription): Outcome | undefined {
  switch (description.state) {
    case 'finished':
      return { state: 'finished', rowCount: description.rowCount ?? 0 };
    case 'failed':
      return { state: 'failed', error: description.error ?? { code: 'query_failed', message: 'the statement failed' } };
    case 'aborted':
      return { state: 'aborted' };
    default:
      return undefined;
  }
}

/**
 * Records the final outcome (once: only the winner of the conditional write posts it), pushes
 * it to the subscription's connection, then frees the running slot — the user's wait comes
 * before the bookkeeping. Used by notify and the sweeper alike, so a duplicate event, a retry or
 * a sweep racing an event never sends a second outcome. A lost write still frees the slot
 * (idempotent), which heals a crash between a winning write and its release.
 */
export async function settle(deps: FlowDependencies, subscription: Subscription, outcome: Outcome, statementId: string): Promise<FinishResult> {
  const log = deps.logger.child({ statementId, userId: subscription.userId, connectionId: subscription.connectionId, requestId: subscription.requestId });
  const result = await deps.registry.subscriptions.finishOnce(subscription.key, outcome, statementId);
  const current = result.subscription ?? subscription;
  if (!result.won) {
    log.info({ state: current.state }, 'outcome already recorded; not sent again');
    await deps.registry.subscriptions.releaseSlot(current);
    return { won: false, subscription: current };
  }
  await pushAndRelease({ ...deps, logger: log }, result.subscription);
  return result;
}

/** Posts the recorded outcome of a subscription this call just finished, then frees its slot (also when the post throws). */
export async function pushAndRelease(deps: FlowDependencies, finished: Subscription): Promise<void> {
  deps.logger.info({ state: finished.state }, 'outcome recorded');
  try {
    const message = outcomeMessage(finished);
    if (message) await deliver(deps, finished.connectionId, message);
  } finally {
    await deps.registry.subscriptions.releaseSlot(finished);
  }
}
