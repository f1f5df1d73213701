import type { RunSample } from './load-protocol.js';
import { percentile } from './stats.js';

export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  return { count: samples.length, p50: percentile(samples, 50), p99: percentile(samples, 99), max: percentile(samples, 100) };
}

/** Runs that did not complete, counted by outcome, with the first detail of each. */
export function failures(runs: readonly RunSample[]): Record<string, { count: number; first?: string }> {
  const out: Record<string, { count: number; first?: string }> = {};
  for (const run of runs) {
    if (run.outcome === 'completed') continue;
    const entry = (out[run.outcome] ??= { count: 0 });
    entry.count += 1;
    if (run.detail) entry.first ??= run.detail;
  }
  return out;
}

/**
 * Time-to-know of each completed run of `mode`: when the client knew the outcome minus when the
 * stand-in published the statement's final state. Runs whose final time is unknown are skipped.
 */
export function timeToKnow(runs: readonly RunSample[], mode: RunSample['mode'], finalAt: ReadonlyMap<string, number>): number[] {
  const out: number[] = [];
  for (const run of runs) {
    if (run.mode !== mode || run.outcome !== 'completed' || run.knownAt === undefined || !run.statementId) continue;
    const final = finalAt.get(run.statementId);
    if (final !== undefined) out.push(run.knownAt - final);
  }
  return out;
}

/** Submit → first rows, minus the statement's engine time, for completed fetch runs with a known engine time. */
export function e2eOverhead(runs: readonly RunSample[], engineMs: ReadonlyMap<string, number>): number[] {
  const out: number[] = [];
  for (const run of runs) {
    if (run.outcome !== 'completed' || run.firstRowsAt === undefined || !run.statementId) continue;
    const engine = engineMs.get(run.statementId);
    if (engine !== undefined) out.push(run.firstRowsAt - run.sentAt - engine);
  }
  return out;
}

/**
 * Where push latency goes, per completed run: stand-in final → notify starts (event bus + Lambda
 * runtime), notify's own time (its SDK calls, the post included), and notify's end → client (negative
 * when the client had the message before notify returned).
 */
export function pushBreakdown(
  runs: readonly RunSample[],
  finalAt: ReadonlyMap<string, number>,
  notifyTimes: ReadonlyMap<string, { start: number; end: number }>,
): { toNotify: number[]; inNotify: number[]; afterNotify: number[] } {
  const out = { toNotify: [] as number[], inNotify: [] as number[], afterNotify: [] as number[] };
  for (const run of runs) {
    if (run.outcome !== 'completed' || run.knownAt === undefined || !run.statementId || run.mode === 'poll') continue;
    const final = finalAt.get(run.statementId);
    const notify = notifyTimes.get(run.statementId);
    if (final === undefined || notify === undefined) continue;
    out.toNotify.push(notify.start - final);
    out.inNotify.push(notify.end - notify.start);
    out.afterNotify.push(run.knownAt - notify.end);
  }
  return out;
}
