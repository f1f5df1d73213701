import { describe, expect, it } from 'vitest';
import { FIGURE_KEYS, FIGURES, meetsTarget } from './bench-keys.js';
import { markdownTable, type Figure } from './bench-report.js';

const none = Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Record<(typeof FIGURE_KEYS)[number], Figure | null>;

describe('figure targets', () => {
  it('lists every key of the issue once', () => {
    expect(new Set(FIGURE_KEYS).size).toBe(11);
    expect(FIGURE_KEYS).toContain('gateway_rss_delta_mb_10000');
  });

  it('treats latency targets as ceilings and ratios like poll_ratio_p50 as floors', () => {
    const push = FIGURES.find((f) => f.key === 'push_p50_ms_1000');
    const poll = FIGURES.find((f) => f.key === 'poll_ratio_p50');
    expect(push && meetsTarget(push, 3)).toBe(true);
    expect(push && meetsTarget(push, 3.01)).toBe(false);
    expect(poll && meetsTarget(poll, 49)).toBe(false);
    expect(poll && meetsTarget(poll, 120)).toBe(true);
  });
});

describe('markdownTable', () => {
  it('shows each measured value against its target and marks misses', () => {
    const table = markdownTable({ figures: { ...none, seed_query_ms: { value: 72.4, samples: 5 }, bundle_max_kb: { value: 512, samples: 8 } }, missing: {} });
    expect(table).toContain('| `seed_query_ms` | 72.4 ms | ≤ 50 ms | **no** | 5 |');
    expect(table).toContain('| `bundle_max_kb` | 512 KB | ≤ 700 KB | yes | 8 |');
  });

  it('says why a figure was not measured', () => {
    const table = markdownTable({ figures: none, missing: { runs_per_s: 'the results-api handler does not exist yet' } });
    expect(table).toContain('| `runs_per_s` | — | ≥ 100 runs/s | not measured: the results-api handler does not exist yet | 0 |');
  });
});
