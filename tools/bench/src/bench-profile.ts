/** Sizes of one bench run: `full` for `npm run bench`, `smoke` (seconds) for the test that keeps the bench from rotting. */
export interface BenchProfile {
  readonly name: 'full' | 'smoke';
  readonly sampleRows: number;
  readonly seedRuns: number;
  readonly transportPairs: number;
  readonly loadProcesses: number;
  readonly users: number;
  readonly connectConcurrency: number;
  /** Idle sockets for the RSS figure and the large end of the growth figure (10,000). */
  readonly manyClients: number;
  /** Clients of the push/e2e/poll figures (1,000). */
  readonly clients: number;
  /** Clients of the small end of the growth figure (100). */
  readonly fewClients: number;
  readonly ratePerS: number;
  readonly openLoopMs: number;
  /** Each load process submits at least this many runs per open-loop run (lengthens it at low rates). */
  readonly minRunsPerProcess: number;
  readonly openLoopRepeats: number;
  readonly closedLoopClients: number;
  readonly closedLoopMs: number;
  /** An unmeasured closed loop first, so JIT, connection pools and caches are warm. */
  readonly warmupMs: number;
  readonly coldInitRepeats: number;
  readonly maxRunningPerUser: number;
  /** Phases that would start after this much time are skipped (and reported as not measured). */
  readonly budgetMs: number;
}

export const FULL_PROFILE: BenchProfile = {
  name: 'full',
  sampleRows: 12_000_000,
  seedRuns: 7,
  transportPairs: 3,
  loadProcesses: 4,
  users: 20,
  connectConcurrency: 32,
  manyClients: 10_000,
  clients: 1_000,
  fewClients: 100,
  ratePerS: 100,
  openLoopMs: 10_000,
  minRunsPerProcess: 25,
  openLoopRepeats: 3,
  closedLoopClients: 200,
  closedLoopMs: 15_000,
  warmupMs: 3_000,
  coldInitRepeats: 3,
  maxRunningPerUser: 100,
  budgetMs: 9 * 60_000,
};

export const SMOKE_PROFILE: BenchProfile = {
  name: 'smoke',
  sampleRows: 5_000,
  seedRuns: 2,
  transportPairs: 1,
  loadProcesses: 2,
  users: 2,
  connectConcurrency: 8,
  manyClients: 40,
  clients: 20,
  fewClients: 4,
  ratePerS: 20,
  openLoopMs: 1_500,
  minRunsPerProcess: 4,
  openLoopRepeats: 1,
  closedLoopClients: 10,
  closedLoopMs: 1_500,
  warmupMs: 1_000,
  coldInitRepeats: 1,
  maxRunningPerUser: 100,
  budgetMs: 5 * 60_000,
};
