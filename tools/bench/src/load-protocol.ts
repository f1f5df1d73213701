/** Messages between the bench and its load-client child processes (Node IPC). */

/** How a run learns its outcome: the pushed `completed`; polling GET /statements/{id}; push then the first result page. */
export type RunMode = 'push' | 'poll' | 'fetch';

export type LoadCommand =
  | { readonly cmd: 'connect'; readonly url: string; readonly tokens: readonly string[]; readonly count: number; readonly concurrency: number }
  | { readonly cmd: 'disconnect'; readonly keep: number }
  | {
      readonly cmd: 'openLoop';
      readonly rest: string;
      readonly ratePerS: number;
      readonly durationMs: number;
      readonly modes: readonly RunMode[];
      readonly report: string;
      readonly pollIntervalMs: number;
      readonly drainMs: number;
    }
  | { readonly cmd: 'closedLoop'; readonly rest: string; readonly clients: number; readonly durationMs: number; readonly report: string; readonly drainMs: number }
  | { readonly cmd: 'exit' };

/** One run as a client saw it; times are wall-clock ms with sub-ms resolution. */
export interface RunSample {
  readonly mode: RunMode;
  readonly statementId?: string;
  readonly sentAt: number;
  /** When the client knew the statement was final (push message or the poll that said so). */
  readonly knownAt?: number;
  /** fetch mode: when the first result page was parsed. */
  readonly firstRowsAt?: number;
  readonly outcome: 'completed' | 'failed' | 'aborted' | 'error' | 'lost';
  readonly detail?: string;
  readonly polls?: number;
}

export type LoadReply =
  | { readonly type: 'ready'; readonly pid: number }
  | { readonly type: 'connected'; readonly open: number; readonly failed: number; readonly firstError?: string }
  | { readonly type: 'disconnected'; readonly open: number }
  | { readonly type: 'openLoopDone'; readonly runs: readonly RunSample[]; readonly lateTicks: number }
  | { readonly type: 'closedLoopDone'; readonly runs: readonly RunSample[]; readonly startedAt: number; readonly endedAt: number }
  | { readonly type: 'failure'; readonly message: string };
