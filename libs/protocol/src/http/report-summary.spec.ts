import { describe, expect, it } from 'vitest';
import { reportListSchema, reportSummarySchema, type ReportSummary } from './report-summary.js';

const tripsPerDay: ReportSummary = {
  id: 'trips-per-day',
  title: 'Trips per day',
  description: 'Hours, distance and fares per pickup day of one month.',
  params: {
    type: 'object',
    properties: { month: { title: 'Month', type: 'string', pattern: '^2015-(0[1-9]|1[0-2])$' } },
    required: ['month'],
    additionalProperties: false,
  },
  chart: { type: 'line', x: 'trip_date', y: ['total_hours', 'total_distance', 'total_fare'] },
};

describe('report summary', () => {
  it('accepts a report whose parameters are a JSON Schema with labels, keeping extra keywords', () => {
    const result = reportSummarySchema.safeParse(tripsPerDay);
    expect(result.success).toBe(true);
    expect(result.data?.params.properties['month']).toMatchObject({ pattern: '^2015-(0[1-9]|1[0-2])$' });
  });

  it('accepts a table-only report without a chart and without parameters', () => {
    const { chart: _chart, ...tableOnly } = tripsPerDay;
    expect(reportSummarySchema.safeParse({ ...tableOnly, params: { type: 'object', properties: {}, required: [] } }).success).toBe(true);
  });

  it('rejects a parameter without a label', () => {
    const params = { ...tripsPerDay.params, properties: { month: { type: 'string' } } };
    expect(reportSummarySchema.safeParse({ ...tripsPerDay, params }).success).toBe(false);
  });

  it('rejects a required parameter that is not a property, and repeated required names', () => {
    expect(reportSummarySchema.safeParse({ ...tripsPerDay, params: { ...tripsPerDay.params, required: ['year'] } }).success).toBe(false);
    expect(reportSummarySchema.safeParse({ ...tripsPerDay, params: { ...tripsPerDay.params, required: ['month', 'month'] } }).success).toBe(false);
  });

  it('rejects bad report ids, unknown fields and a bad chart hint', () => {
    expect(reportSummarySchema.safeParse({ ...tripsPerDay, id: 'Trips_Per_Day' }).success).toBe(false);
    expect(reportSummarySchema.safeParse({ ...tripsPerDay, id: '-trips' }).success).toBe(false);
    expect(reportSummarySchema.safeParse({ ...tripsPerDay, allowedGroups: ['admins'] }).success).toBe(false);
    expect(reportSummarySchema.safeParse({ ...tripsPerDay, chart: { type: 'line', x: 'trip_date', y: [] } }).success).toBe(false);
  });

  it('rejects parameter names that could not be bound as Data API parameters', () => {
    const params = { ...tripsPerDay.params, properties: { __proto__x: { title: 'x' } }, required: [] };
    expect(reportSummarySchema.safeParse({ ...tripsPerDay, params }).success).toBe(false);
  });

  it('wraps summaries in a report list', () => {
    expect(reportListSchema.safeParse({ reports: [tripsPerDay] }).success).toBe(true);
    expect(reportListSchema.safeParse([tripsPerDay]).success).toBe(false);
  });
});
