import { describe, expect, it } from 'vitest';
import { resultPageSchema } from './result-page.js';

const columns = [
  { name: 'trip_date', type: 'date' },
  { name: 'trips', type: 'int8' },
  { name: 'total_fare', type: 'numeric' },
  { name: 'avg_distance', type: 'float8' },
];

describe('result page', () => {
  it('accepts typed rows, NULLs and a cursor', () => {
    const page = { columns, rows: [['2015-01-01', 1200, '18220.50', 2.5], ['2015-01-02', '9007199254740993', null, null]], cursor: 'eyJvIjoxMH0.c2ln' };
    expect(resultPageSchema.safeParse(page)).toMatchObject({ success: true, data: page });
  });

  it('accepts an empty last page without a cursor', () => {
    expect(resultPageSchema.safeParse({ columns, rows: [] }).success).toBe(true);
  });

  it('refuses rows with too few or too many cells', () => {
    expect(resultPageSchema.safeParse({ columns, rows: [['2015-01-01', 1, '1']] }).success).toBe(false);
    expect(resultPageSchema.safeParse({ columns, rows: [['2015-01-01', 1, '1', 1, 'extra']] }).success).toBe(false);
  });

  it('refuses cells that do not match their column type', () => {
    expect(resultPageSchema.safeParse({ columns, rows: [['2015-01-01', '12', '1', 1]] }).success).toBe(false);
    expect(resultPageSchema.safeParse({ columns, rows: [['2015-01-01', 12, 1.5, 1]] }).success).toBe(false);
    expect(resultPageSchema.safeParse({ columns, rows: [['2015-01-01', 12, '1', { x: 1 }]] }).success).toBe(false);
  });

  it('refuses pages without columns, bad type names, unsafe cursors and unknown fields', () => {
    expect(resultPageSchema.safeParse({ columns: [], rows: [] }).success).toBe(false);
    expect(resultPageSchema.safeParse({ columns: [{ name: 'a', type: 'Int8' }], rows: [] }).success).toBe(false);
    expect(resultPageSchema.safeParse({ columns, rows: [], cursor: 'a b' }).success).toBe(false);
    expect(resultPageSchema.safeParse({ columns, rows: [], next: 'x' }).success).toBe(false);
  });
});
