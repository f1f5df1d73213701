/** Percentiles and medians of latency samples (nearest-rank, as load tools report them). */

export class NoSamplesError extends Error {
  override readonly name = 'NoSamplesError';
}

/** Nearest-rank percentile `p` (0 < p ≤ 100) of `samples`; throws NoSamplesError on an empty list. */
export function percentile(samples: readonly number[], p: number): number {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  if (samples.length === 0) throw new NoSamplesError(`no samples for p${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] as number;
}

/** Median (mean of the two middle values for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new NoSamplesError('no samples for the median');
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Rounds to `digits` decimals for the report (keeps the JSON readable, never changes the order of magnitude). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes on one machine. */
export function wallClockMs(): number {
  return performance.timeOrigin + performance.now();
}
