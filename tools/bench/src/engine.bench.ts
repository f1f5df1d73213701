import { join } from 'node:path';
import { WORKSPACE_ROOT } from './local-cloud.js';
import { buildCatalog } from '@redwire/query-catalog';
import type { RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import { engineMs, runToFinish } from './data-api.js';
import type { Figure } from './bench-report.js';
import { median } from './stats.js';

/**
 * `seed_query_ms`: the real `trips-per-day` report from sql/reports for one month, engine time
 * (the stand-in's DescribeStatement `Duration`), median of `runs` after one warm-up run.
 */
export async function measureSeedQuery(client: RedshiftDataClient, runs: number, sampleRows: number): Promise<Figure> {
  const catalog = await buildCatalog(join(WORKSPACE_ROOT, 'sql/reports'));
  const report = catalog.reports.find((r) => r.id === 'trips-per-day');
  if (!report) throw new Error('sql/reports has no trips-per-day report');
  await runToFinish(client, report.sql, { month: '2015-01' });
  const times: number[] = [];
  const rows: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const month = `2015-${String((i % 12) + 1).padStart(2, '0')}`;
    const described = await runToFinish(client, report.sql, { month });
    times.push(engineMs(described));
    rows.push(described.ResultRows ?? 0);
  }
  return { value: median(times), samples: runs, note: `${sampleRows.toLocaleString('en')} sample rows; months 2015-01…; result rows ${Math.min(...rows)}–${Math.max(...rows)}; runs ms ${times.map((t) => t.toFixed(1)).join(', ')}` };
}
