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
 * Records the final outcome (once: only the winner of the conditional write posts it) and
 * pushes it to the subscription's connection. Used by notify and the sweeper alike, so a
 * duplicate event, a retry or a sweep racing an event never sends a second outcome.
 */
export async function settle(deps: FlowDependencies, subscription: Subscription, outcome: Outcome, statementId: string): Promise<FinishResult> {
  const log = deps.logger.child({ statementId, userId: subscription.userId, connectionId: subscription.connectionId, requestId: subscription.requestId });
  const result = await deps.registry.subscriptions.finish(subscription.key, outcome, statementId);
  if (!result.won) {
    log.info({ state: result.subscription.state }, 'outcome already recorded; not sent again');
    return result;
  }
  log.info({ state: outcome.state }, 'outcome recorded');
  const message = outcomeMessage(result.subscription);
  if (message) await deliver({ ...deps, logger: log }, result.subscription.connectionId, message);
  return result;
}
