import { describe, expect, it } from 'vitest';
import { chartColumns, chartHintSchema, MAX_CHART_MEASURES } from './chart.js';

const parse = (value: unknown) => chartHintSchema.safeParse(value);

describe('chart hint', () => {
  it('accepts a line chart with several measures', () => {
    const hint = { type: 'line', x: 'trip_date', y: ['total_hours', 'total_distance'], title: 'Trips per day' };
    expect(parse(hint)).toMatchObject({ success: true, data: hint });
  });

  it('accepts a stacked bar split by a series column when there is one measure', () => {
    expect(parse({ type: 'stacked-bar', x: 'weekday', y: ['trips'], series: 'payment_type' }).success).toBe(true);
  });

  it('rejects a series together with several measures', () => {
    expect(parse({ type: 'bar', x: 'weekday', y: ['trips', 'fares'], series: 'payment_type' }).success).toBe(false);
  });

  it('rejects an empty y and more than the allowed number of measures', () => {
    expect(parse({ type: 'line', x: 'd', y: [] }).success).toBe(false);
    const many = Array.from({ length: MAX_CHART_MEASURES + 1 }, (_, index) => `m${index}`);
    expect(parse({ type: 'line', x: 'd', y: many }).success).toBe(false);
    expect(parse({ type: 'line', x: 'd', y: many.slice(0, MAX_CHART_MEASURES) }).success).toBe(true);
  });

  it('rejects a column used twice', () => {
    expect(parse({ type: 'line', x: 'd', y: ['d'] }).success).toBe(false);
    expect(parse({ type: 'heatmap', x: 'hour', y: ['weekday'], value: 'hour' }).success).toBe(false);
  });

  it('accepts a heatmap with x, one y column and a value column', () => {
    const hint = { type: 'heatmap', x: 'hour', y: ['weekday'], value: 'trips' };
    const result = parse(hint);
    expect(result.success).toBe(true);
    if (result.success) expect(chartColumns(result.data)).toEqual(['hour', 'weekday', 'trips']);
  });

  it('rejects a heatmap without a value column or with two y columns', () => {
    expect(parse({ type: 'heatmap', x: 'hour', y: ['weekday'] }).success).toBe(false);
    expect(parse({ type: 'heatmap', x: 'hour', y: ['weekday', 'month'], value: 'trips' }).success).toBe(false);
  });

  it('rejects unknown chart types, unknown fields and column names that are not identifiers', () => {
    expect(parse({ type: 'pie', x: 'a', y: ['b'] }).success).toBe(false);
    expect(parse({ type: 'line', x: 'a', y: ['b'], colour: 'red' }).success).toBe(false);
    expect(parse({ type: 'line', x: 'a; drop table x', y: ['b'] }).success).toBe(false);
    expect(parse({ type: 'line', x: 'a', y: ['b'], title: 'bad\u0000title' }).success).toBe(false);
  });

  it('lists the columns a series chart reads, series last', () => {
    expect(chartColumns({ type: 'bar', x: 'd', y: ['v'], series: 's' })).toEqual(['d', 'v', 's']);
    expect(chartColumns({ type: 'line', x: 'd', y: ['a', 'b'] })).toEqual(['d', 'a', 'b']);
  });
});
