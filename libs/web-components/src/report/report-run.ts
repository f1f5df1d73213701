import type { ServerMessage } from '../connection/server-messages.js';

/** Where one report run stands. Times are this browser's clock, so elapsed time needs no clock sync. */
export type ReportRun =
  | { phase: 'idle' }
  | { phase: 'submitted'; requestId: string; submittedAt: number }
  | { phase: 'running'; requestId: string; statementId: string; acceptedAt: number; cancelling: boolean }
  | { phase: 'completed'; statementId: string; rowCount: number | undefined; elapsedMs: number }
  | { phase: 'failed'; statementId?: string; code: string; message: string }
  | { phase: 'aborted'; statementId: string };

/** True while the run waits for its outcome. */
export function isPending(run: ReportRun): run is Extract<ReportRun, { phase: 'submitted' | 'running' }> {
  return run.phase === 'submitted' || run.phase === 'running';
}

function belongs(run: ReportRun, message: ServerMessage): boolean {
  if (!isPending(run)) return false;
  const requestId = 'requestId' in message ? message.requestId : undefined;
  const statementId = 'statementId' in message ? message.statementId : undefined;
  if (requestId !== undefined && requestId === run.requestId) return true;
  return run.phase === 'running' && statementId !== undefined && statementId === run.statementId;
}

/**
 * The run after `message`. Messages of other runs on the same topic (an older
 * submit, a duplicate outcome) leave it unchanged.
 */
export function nextRun(run: ReportRun, message: ServerMessage, now: number): ReportRun {
  if (!belongs(run, message) || !isPending(run)) return run;
  const startedAt = run.phase === 'running' ? run.acceptedAt : run.submittedAt;
  switch (message.type) {
    case 'accepted':
      return run.phase === 'submitted'
        ? { phase: 'running', requestId: run.requestId, statementId: message.statementId, acceptedAt: now, cancelling: false }
        : run;
    case 'completed':
      return { phase: 'completed', statementId: message.statementId, rowCount: message.rowCount, elapsedMs: now - startedAt };
    case 'failed':
      return { phase: 'failed', statementId: message.statementId, code: message.error.code, message: message.error.message };
    case 'aborted':
      return { phase: 'aborted', statementId: message.statementId };
    case 'error':
      // An error about a cancel of a statement that already finished does not end the run.
      if (run.phase === 'running' && message.requestId !== run.requestId && message.code === 'statement_not_found' && run.cancelling) {
        return { ...run, cancelling: false };
      }
      return { phase: 'failed', statementId: message.statementId, code: message.code, message: message.message };
    default:
      return run;
  }
}

const PLAIN_WORDS: Record<string, string> = {
  invalid_params: 'Please check the parameters.',
  report_not_found: 'This report is not in the catalog.',
  forbidden: 'You are not allowed to run this report.',
  statement_not_found: 'The server no longer knows this run. Please submit again.',
  statement_expired: 'This result has expired. Please run the report again.',
  too_many_statements: 'You already have the most reports running at once. Wait for one to finish, then submit again.',
  message_too_large: 'The request is too large.',
  unauthorized: 'Your session has ended. Please sign in again.',
  result_too_large: 'The result is too large to download here.',
  query_failed: 'The report failed in the warehouse.',
  rate_limited: 'Too many requests. Please wait a moment and try again.',
  unavailable: 'The service is busy right now. Please try again shortly.',
  network: 'Cannot reach the server. Check your connection and try again.',
};

/** A run's error in plain words; the server's own message (already safe to show) is added as detail. */
export function errorText(code: string, message: string): string {
  const plain = PLAIN_WORDS[code] ?? 'Something went wrong.';
  const detail = message.trim();
  return detail === '' || detail === plain ? plain : `${plain} ${detail}`;
}
