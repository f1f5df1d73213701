import { reportListSchema, reportSummarySchema } from '@redwire/protocol';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildRepositoryCatalog, reportOf } from '../../test/sample-catalog.js';
import type { CatalogBundle } from '../catalog/report-definition.js';
import { listReports, toReportSummary } from './report-summary.js';

let catalog: CatalogBundle;
beforeAll(async () => {
  catalog = await buildRepositoryCatalog();
});

describe('report summaries', () => {
  it('are valid protocol ReportSummary objects for every report in the repository', () => {
    for (const report of catalog.reports) expect(reportSummarySchema.safeParse(toReportSummary(report)).success, report.id).toBe(true);
  });

  it('describe trips-per-day with its month parameter as a labelled month string and its chart', () => {
    const report = reportOf(catalog, 'trips-per-day');
    const summary = toReportSummary(report);
    expect(summary.params).toEqual({
      type: 'object',
      properties: { month: expect.objectContaining({ type: 'string', format: 'month', title: 'Month', formatMinimum: '2015-01', formatMaximum: '2015-12' }) },
      required: ['month'],
      additionalProperties: false,
    });
    expect(summary.chart).toEqual({ type: 'line', x: 'trip_date', y: ['total_hours', 'total_distance', 'total_fare'], title: 'Per day' });
    expect(JSON.stringify(summary)).not.toContain('nyc_yellow_taxi');
  });

  it('list only the reports the user may run', () => {
    const everyone = listReports(catalog, []).map((r) => r.id);
    const analyst = listReports(catalog, ['analysts']).map((r) => r.id);
    expect(everyone).not.toContain('vendor-comparison');
    expect(analyst).toContain('vendor-comparison');
    expect(analyst).toEqual(expect.arrayContaining(everyone));
    expect(analyst.length).toBe(everyone.length + 1);
    expect(reportListSchema.safeParse({ reports: listReports(catalog, ['analysts']) }).success).toBe(true);
  });

  it('leave the chart out for a report without one', () => {
    const { chart: _chart, ...plain } = reportOf(catalog);
    expect('chart' in toReportSummary(plain)).toBe(false);
  });
});
