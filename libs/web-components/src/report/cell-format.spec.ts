import { describe, expect, it } from 'vitest';
import { compareCells, formatCell, isNumericType } from './cell-format.js';

const int8 = { name: 'trips', type: 'int8' };
const numeric = { name: 'fare', type: 'numeric(12,2)' };
const text = { name: 'zone', type: 'varchar' };

describe('cell formatting', () => {
  it('shows NULL as an empty cell, never as true', () => {
    expect(formatCell(null, int8, 'en-US')).toBe('');
    expect(formatCell(null, text, 'en-US')).toBe('');
  });

  it('groups integers and keeps exact decimals given as strings', () => {
    expect(formatCell(1234567, int8, 'en-US')).toBe('1,234,567');
    expect(formatCell('9007199254740993', int8, 'en-US')).toBe('9,007,199,254,740,993');
    expect(formatCell('12345.67', numeric, 'en-US')).toBe('12,345.67');
    expect(formatCell('12345.50', numeric, 'en-US')).toBe('12,345.50');
    expect(formatCell(2.345, { name: 'x', type: 'float8' }, 'en-US')).toBe('2.35');
  });

  it('leaves dates and text as the server sent them', () => {
    expect(formatCell('2015-12-01', { name: 'd', type: 'date' }, 'en-US')).toBe('2015-12-01');
    expect(formatCell('<b>x</b>', text, 'en-US')).toBe('<b>x</b>');
  });

  it('knows which Redshift types are numbers', () => {
    expect(['int2', 'int4', 'int8', 'numeric', 'float8', 'double precision'].every(isNumericType)).toBe(true);
    expect(['varchar', 'date', 'timestamp', 'bool'].some(isNumericType)).toBe(false);
  });

  it('sorts numbers by value, text by collation, and NULLs last', () => {
    const sorted = [10, null, 9, '100'].sort((a, b) => compareCells(a, b, int8));
    expect(sorted).toEqual([9, 10, '100', null]);
    expect(['b', null, 'a'].sort((a, b) => compareCells(a, b, text))).toEqual(['a', 'b', null]);
  });
});
