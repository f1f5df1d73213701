/** A Data API "Statement Status Change" event, reduced to what notify needs. */
export interface StatementStatusEvent {
  readonly statementId: string;
  readonly statementName: string | undefined;
  readonly state: 'FINISHED' | 'FAILED' | 'ABORTED';
  /** `rows` of the documented example shape; the other shape has only `pages`, which is not a row count. */
  readonly rows?: number;
}

const FINAL = new Set(['FINISHED', 'FAILED', 'ABORTED']);

/**
 * Reads both documented `detail` shapes (aws-facts §3): `{statementId, statementName, state,
 * rows, redshiftQueryId, expireAt: epoch}` and `{statementId, statementName, state, pages,
 * queryId, expireAt: ISO}`. Undefined for anything that is not a final-state event.
 */
export function parseStatusEvent(event: unknown): StatementStatusEvent | undefined {
  if (event === null || typeof event !== 'object') return undefined;
  const detail = (event as { detail?: unknown }).detail;
  if (detail === null || typeof detail !== 'object') return undefined;
  const { statementId, statementName, state, rows } = detail as Record<string, unknown>;
  if (typeof statementId !== 'string' || statementId === '' || typeof state !== 'string' || !FINAL.has(state)) return undefined;
  return {
    statementId,
    statementName: typeof statementName === 'string' ? statementName : undefined,
    state: state as StatementStatusEvent['state'],
    ...(typeof rows === 'number' && Number.isSafeInteger(rows) && rows >= 0 ? { rows } : {}),
  };
}
