import { isOpenState, type Subscription } from '@redwire/connection-registry';
import type { StatementStatus } from '@redwire/protocol';
import type { StatementDescription } from '@redwire/warehouse';
import { outcomeOf } from './settle-statement.js';

/**
 * `GET /statements/{id}`: a final subscription answers from its recorded outcome; an open one
 * from the warehouse's own description (HTTP is the truth even when an event was lost).
 */
export function statementStatusOf(subscription: Subscription & { statementId: string }, now: Date, description?: StatementDescription): StatementStatus {
  const base = { statementId: subscription.statementId, reportId: subscription.reportId, submittedAt: subscription.createdAt };
  const created = Date.parse(subscription.createdAt);
  const outcome = isOpenState(subscription.state) ? (description ? outcomeOf(description) : undefined) : subscription.outcome;
  if (outcome === undefined) {
    return { ...base, state: description?.state === 'submitted' ? 'submitted' : 'running', elapsedMs: Math.max(0, now.getTime() - created) };
  }
  const ended = subscription.finishedAt ? Date.parse(subscription.finishedAt) : now.getTime();
  const elapsedMs = description && isOpenState(subscription.state) ? description.elapsedMs : Math.max(0, ended - created);
  switch (outcome.state) {
    case 'finished':
      return { ...base, state: 'finished', elapsedMs, rowCount: outcome.rowCount };
    case 'failed':
      return { ...base, state: 'failed', elapsedMs, error: { code: outcome.error.code, message: outcome.error.message } };
    case 'aborted':
      return { ...base, state: 'aborted', elapsedMs };
  }
}
