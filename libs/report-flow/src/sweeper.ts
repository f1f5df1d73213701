import type { Outcome, Subscription } from '@redwire/connection-registry';
import { isWarehouseError } from '@redwire/warehouse';
import type { FlowDependencies } from './flow-ports.js';
import { outcomeOf, settle } from './settle-statement.js';

export interface SweepOptions {
  /** Cancel statements nobody has been connected for since this long (REDWIRE_ABANDON_GRACE_SECONDS). */
  readonly abandonGraceSeconds: number;
  /** Open statements older than this are checked with DescribeStatement (their event may be lost). */
  readonly lostEventAfterSeconds?: number;
  /** A subscription that never got a statement id within this time is given up (ExecuteStatement crashed). */
  readonly pendingTimeoutSeconds?: number;
  /** Most subscriptions looked at per kind and run. */
  readonly limit?: number;
}

export interface SweepReport {
  readonly checked: number;
  readonly settled: number;
  readonly cancelled: number;
  readonly errors: number;
}

const ago = (now: Date, seconds: number) => new Date(now.getTime() - seconds * 1000);

/**
 * The scheduled safety net: finishes subscriptions whose event never came (from DescribeStatement),
 * cancels statements whose connection went away more than the grace period ago, and settles
 * each one once (freeing its slot, pushing if anyone is connected). Idempotent; one failing item
 * does not stop the others.
 */
export async function sweep(deps: FlowDependencies, options: SweepOptions): Promise<SweepReport> {
  const now = (deps.now ?? (() => new Date()))();
  const lostAfter = options.lostEventAfterSeconds ?? 5;
  const limit = options.limit ?? 200;
  const open = await deps.registry.subscriptions.listOpenCreatedBefore(ago(now, lostAfter), limit);
  const orphaned = await deps.registry.subscriptions.listOrphanedBefore(ago(now, lostAfter), limit);
  const abandonedBefore = ago(now, options.abandonGraceSeconds).toISOString();
  const report = { checked: 0, settled: 0, cancelled: 0, errors: 0 };
  for (const subscription of [...open, ...orphaned]) {
    report.checked += 1;
    const abandoned = subscription.orphanedSince !== undefined && subscription.orphanedSince < abandonedBefore;
    try {
      const result = await sweepOne(deps, subscription, abandoned, ago(now, options.pendingTimeoutSeconds ?? 60));
      if (result === 'cancelled') report.cancelled += 1;
      if (result !== 'open') report.settled += 1;
    } catch (error) {
      report.errors += 1;
      deps.logger.error({ err: error, statementId: subscription.statementId, userId: subscription.userId }, 'sweeping a subscription failed');
    }
  }
  deps.logger.info(report, 'sweep done');
  return report;
}

async function sweepOne(deps: FlowDependencies, subscription: Subscription, abandoned: boolean, pendingBefore: Date): Promise<'open' | 'settled' | 'cancelled'> {
  const { statementId } = subscription;
  if (statementId === undefined) {
    if (subscription.createdAt >= pendingBefore.toISOString() && !abandoned) return 'open';
    const outcome: Outcome = { state: 'failed', error: { code: 'unavailable', message: 'the report could not be started' } };
    await deps.registry.subscriptions.finish(subscription.key, outcome);
    return 'settled';
  }
  if (abandoned) await deps.runner.cancel(statementId);
  let outcome: Outcome | undefined;
  try {
    outcome = outcomeOf(await deps.runner.describe(statementId));
  } catch (error) {
    if (!isWarehouseError(error, 'statement_not_found')) throw error;
    outcome = { state: 'failed', error: { code: 'statement_expired', message: 'the warehouse no longer knows this statement' } };
  }
  if (outcome === undefined && !abandoned) return 'open';
  await settle(deps, subscription, outcome ?? { state: 'aborted' }, statementId);
  return abandoned ? 'cancelled' : 'settled';
}
