import type { DescribeStatementCommandOutput, StatusString } from '@aws-sdk/client-redshift-data';
import { MAX_ERROR_MESSAGE_LENGTH, type StatementState } from '@redwire/protocol';

/** Redwire's view of a Data API statement (DescribeStatement). */
export interface StatementDescription {
  readonly statementId: string;
  readonly state: StatementState;
  readonly submittedAt?: string;
  readonly elapsedMs: number;
  /** Rows in the result; only when finished. */
  readonly rowCount?: number;
  /** The warehouse's message; only when failed. */
  readonly error?: { readonly code: 'query_failed'; readonly message: string };
  readonly hasResultSet: boolean;
}

const STATES: Readonly<Record<StatusString, StatementState>> = {
  SUBMITTED: 'submitted',
  PICKED: 'submitted',
  STARTED: 'running',
  FINISHED: 'finished',
  FAILED: 'failed',
  ABORTED: 'aborted',
  ALL: 'submitted',
};

export function toStatementDescription(output: DescribeStatementCommandOutput, now: Date): StatementDescription {
  const state = STATES[output.Status ?? 'SUBMITTED'] ?? 'submitted';
  const created = output.CreatedAt?.getTime();
  const until = state === 'submitted' || state === 'running' ? now.getTime() : (output.UpdatedAt?.getTime() ?? now.getTime());
  const elapsedMs =
    output.Duration !== undefined && output.Duration >= 0 && state !== 'running' && state !== 'submitted'
      ? Math.round(output.Duration / 1e6)
      : created !== undefined
        ? Math.max(0, until - created)
        : 0;
  return {
    statementId: output.Id ?? '',
    state,
    ...(output.CreatedAt ? { submittedAt: output.CreatedAt.toISOString() } : {}),
    elapsedMs,
    ...(state === 'finished' ? { rowCount: Math.max(0, output.ResultRows ?? 0) } : {}),
    ...(state === 'failed'
      ? { error: { code: 'query_failed' as const, message: (output.Error || 'the statement failed').slice(0, MAX_ERROR_MESSAGE_LENGTH) } }
      : {}),
    hasResultSet: output.HasResultSet ?? false,
  };
}
