import { describe, expect, it } from 'vitest';
import { cellFitsType, cellKindOf, ResultCellError, toResultCell } from './result-cell.js';

describe('cellKindOf', () => {
  it('maps Redshift type names to the JSON form of their cells, case-insensitively', () => {
    expect(['int2', 'int4', 'int8', 'INT8', 'bigint'].map(cellKindOf)).toEqual(Array(5).fill('integer'));
    expect(['float4', 'float8', 'double precision'].map(cellKindOf)).toEqual(['float', 'float', 'float']);
    expect(['numeric', 'decimal'].map(cellKindOf)).toEqual(['decimal', 'decimal']);
    expect(cellKindOf('bool')).toBe('boolean');
    expect(['varchar', 'bpchar', 'date', 'timestamp', 'timestamptz', 'super', 'something-new'].map(cellKindOf)).toEqual(Array(7).fill('text'));
  });
});

describe('toResultCell', () => {
  it('turns NULL into null for every type', () => {
    for (const type of ['int8', 'float8', 'numeric', 'bool', 'varchar']) {
      expect(toResultCell(type, null)).toBeNull();
      expect(toResultCell(type, undefined)).toBeNull();
    }
  });

  it('keeps integers within ±2^53 as numbers and puts larger int8 values in strings, exactly', () => {
    expect(toResultCell('int8', 9007199254740991n)).toBe(9007199254740991);
    expect(toResultCell('int8', -9007199254740991n)).toBe(-9007199254740991);
    expect(toResultCell('int8', 9007199254740992n)).toBe('9007199254740992');
    expect(toResultCell('int8', '9223372036854775807')).toBe('9223372036854775807');
    expect(toResultCell('int8', '-9223372036854775808')).toBe('-9223372036854775808');
    expect(toResultCell('int4', '42')).toBe(42);
    expect(toResultCell('int2', -7)).toBe(-7);
  });

  it('refuses integer columns given fractions, words or booleans', () => {
    expect(() => toResultCell('int4', 1.5)).toThrow(ResultCellError);
    expect(() => toResultCell('int8', '12abc')).toThrow(ResultCellError);
    expect(() => toResultCell('int8', '1e3')).toThrow(ResultCellError);
    expect(() => toResultCell('int4', true)).toThrow('a boolean cannot be a int4 cell');
  });

  it('keeps floats as numbers and non-finite floats as strings', () => {
    expect(toResultCell('float8', 12.75)).toBe(12.75);
    expect(toResultCell('float8', '1.5e3')).toBe(1500);
    expect(toResultCell('float4', '-.5')).toBe(-0.5);
    expect(toResultCell('float8', 3n)).toBe(3);
    expect(toResultCell('float8', Number.NaN)).toBe('NaN');
    expect(toResultCell('float8', Number.NEGATIVE_INFINITY)).toBe('-Infinity');
    expect(toResultCell('float8', 'Infinity')).toBe('Infinity');
    expect(() => toResultCell('float8', 'fast')).toThrow(ResultCellError);
  });

  it('keeps NUMERIC as exact decimal strings', () => {
    expect(toResultCell('numeric', '12345678901234567890.125')).toBe('12345678901234567890.125');
    expect(toResultCell('numeric', 2.5)).toBe('2.5');
    expect(toResultCell('numeric', 10n)).toBe('10');
    expect(() => toResultCell('numeric', '1,5')).toThrow(ResultCellError);
    expect(() => toResultCell('numeric', Number.NaN)).toThrow(ResultCellError);
  });

  it('reads booleans from booleans and from Redshift text forms', () => {
    expect(toResultCell('bool', true)).toBe(true);
    expect(toResultCell('bool', 't')).toBe(true);
    expect(toResultCell('bool', 'false')).toBe(false);
    expect(toResultCell('bool', 'f')).toBe(false);
    expect(() => toResultCell('bool', 'yes')).toThrow(ResultCellError);
    expect(() => toResultCell('bool', 1)).toThrow(ResultCellError);
  });

  it('carries everything else as text', () => {
    expect(toResultCell('date', '2015-01-31')).toBe('2015-01-31');
    expect(toResultCell('varchar', 12)).toBe('12');
    expect(toResultCell('varchar', "'; drop table x; --")).toBe("'; drop table x; --");
  });
});

describe('cellFitsType', () => {
  it('accepts exactly what toResultCell produces', () => {
    const samples: [string, Parameters<typeof toResultCell>[1]][] = [
      ['int8', 5n], ['int8', 2n ** 63n - 1n], ['float8', 0.1], ['float8', Number.NaN], ['numeric', '1.50'], ['bool', 't'], ['date', '2015-01-01'], ['int4', null],
    ];
    for (const [type, value] of samples) expect(cellFitsType(type, toResultCell(type, value))).toBe(true);
  });

  it('refuses cells in the wrong JSON form for their type', () => {
    expect(cellFitsType('int8', '42')).toBe(false);
    expect(cellFitsType('int8', 2 ** 53)).toBe(false);
    expect(cellFitsType('int8', '0042')).toBe(false);
    expect(cellFitsType('int4', 1.5)).toBe(false);
    expect(cellFitsType('float8', '1.5')).toBe(false);
    expect(cellFitsType('numeric', 1.5)).toBe(false);
    expect(cellFitsType('bool', 'true')).toBe(false);
    expect(cellFitsType('varchar', 1)).toBe(false);
  });
});
