/** Every figure the bench reports (issue 9), its target and which way is better. */
export interface FigureSpec {
  readonly key: string;
  readonly what: string;
  readonly unit: string;
  /** `max`: the figure must stay at or below the target; `min`: at or above. */
  readonly bound: 'max' | 'min';
  readonly target: number;
}

export const FIGURES = [
  { key: 'push_p50_ms_1000', what: 'statement final → client has `completed`, 1,000 clients, open loop, p50', unit: 'ms', bound: 'max', target: 3 },
  { key: 'push_p99_ms_1000', what: 'same, p99', unit: 'ms', bound: 'max', target: 20 },
  { key: 'poll_ratio_p50', what: 'time-to-know polling GET /statements/{id} every 500 ms ÷ push, p50', unit: '×', bound: 'min', target: 50 },
  { key: 'push_p99_growth_100_to_10000', what: 'push p99 with 10,000 clients ÷ with 100, same arrival rate', unit: '×', bound: 'max', target: 2 },
  { key: 'e2e_overhead_p50_ms', what: 'submit → first rows in the client minus engine time, open loop, p50', unit: 'ms', bound: 'max', target: 20 },
  { key: 'runs_per_s', what: 'full runs (submit → push → rows) sustained, closed loop, 200 clients', unit: 'runs/s', bound: 'min', target: 100 },
  { key: 'result_overhead_ratio', what: '100,000 rows × 4 columns via Redwire pages ÷ raw GetStatementResult paging', unit: '×', bound: 'max', target: 1.5 },
  { key: 'seed_query_ms', what: '`trips-per-day`, one month, 12 M rows, engine time (median)', unit: 'ms', bound: 'max', target: 50 },
  { key: 'bundle_max_kb', what: 'largest minified Lambda bundle, AWS SDK included', unit: 'KB', bound: 'max', target: 700 },
  { key: 'cold_init_max_ms', what: 'fresh process: import bundle + first invocation, worst handler', unit: 'ms', bound: 'max', target: 150 },
  { key: 'gateway_rss_delta_mb_10000', what: 'gateway RSS growth from 0 to 10,000 idle sockets', unit: 'MB', bound: 'max', target: 150 },
] as const satisfies readonly FigureSpec[];

export type FigureKey = (typeof FIGURES)[number]['key'];
export const FIGURE_KEYS: readonly FigureKey[] = FIGURES.map((f) => f.key);

/** True when `value` meets the figure's target. */
export function meetsTarget(spec: FigureSpec, value: number): boolean {
  return spec.bound === 'max' ? value <= spec.target : value >= spec.target;
}
