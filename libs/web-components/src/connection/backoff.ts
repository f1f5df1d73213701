/** Delays for reconnect attempts: exponential from `initialMs`, capped at `maxMs`, with full jitter below the cap. */
export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** 0..1 random source; injectable for tests. */
  random?: () => number;
}

/** The delay before reconnect attempt `attempt` (0 for the first retry). */
export function backoffDelay(attempt: number, { initialMs, maxMs, random = Math.random }: BackoffOptions): number {
  const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
  // Half fixed, half random: never zero, and many clients dropped together do not return together.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
