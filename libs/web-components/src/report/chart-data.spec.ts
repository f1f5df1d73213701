import { describe, expect, it } from 'vitest';
import { chartPoints, chartProblem, temporalValue } from './chart-data.js';

const columns = [
  { name: 'trip_date', type: 'date' },
  { name: 'total_fare', type: 'numeric' },
  { name: 'trips', type: 'int8' },
];
const rows = [
  ['2015-12-01', '12.50', 3],
  ['2015-12-02', null, 4],
];

describe('chart data', () => {
  it('turns days and months into UTC dates, whatever the viewer time zone', () => {
    expect((temporalValue('2015-12-01') as Date).toISOString()).toBe('2015-12-01T00:00:00.000Z');
    expect((temporalValue('2015-12') as Date).toISOString()).toBe('2015-12-01T00:00:00.000Z');
    expect(temporalValue('Queens')).toBe('Queens');
  });

  it('makes one point per row and measure, NULL as a gap', () => {
    const points = chartPoints({ type: 'line', x: 'trip_date', y: ['total_fare', 'trips'] }, columns, rows);
    expect(points).toHaveLength(4);
    expect(points[0]).toMatchObject({ series: 'total_fare', value: 12.5 });
    expect(points[2]).toMatchObject({ series: 'total_fare', value: null });
  });

  it('keeps bar categories as text', () => {
    expect(chartPoints({ type: 'bar', x: 'trip_date', y: ['trips'] }, columns, rows)[0]?.x).toBe('2015-12-01');
  });

  it('names the columns a hint needs but the result lacks', () => {
    expect(chartProblem({ type: 'line', x: 'trip_date', y: ['tips'] }, columns)).toMatch(/tips/);
    expect(chartProblem({ type: 'line', x: 'trip_date', y: ['trips'] }, columns)).toBeUndefined();
  });
});
