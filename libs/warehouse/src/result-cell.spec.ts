import { describe, expect, it } from 'vitest';
import { fieldToCell, toResultColumns } from './result-cell.js';

describe('Data API fields as protocol cells', () => {
  it('maps NULL to null whatever the column type', () => {
    for (const type of ['int8', 'varchar', 'bool', 'numeric', 'float8']) expect(fieldToCell({ isNull: true }, type)).toBeNull();
  });

  it('keeps integers within ±2^53 as numbers and turns larger int8 into exact strings', () => {
    expect(fieldToCell({ longValue: 31 }, 'int8')).toBe(31);
    expect(fieldToCell({ longValue: -9007199254740991 }, 'int8')).toBe(-9007199254740991);
    expect(fieldToCell({ stringValue: '9223372036854775807' }, 'int8')).toBe('9223372036854775807');
    expect(fieldToCell({ stringValue: '-9007199254740993' }, 'int8')).toBe('-9007199254740993');
  });

  it('keeps floats as numbers and NUMERIC as text', () => {
    expect(fieldToCell({ doubleValue: 12.5 }, 'float8')).toBe(12.5);
    expect(fieldToCell({ stringValue: '1234567890.123456789' }, 'numeric')).toBe('1234567890.123456789');
    expect(fieldToCell({ longValue: 7 }, 'numeric')).toBe('7');
  });

  it('keeps booleans and text', () => {
    expect(fieldToCell({ booleanValue: false }, 'bool')).toBe(false);
    expect(fieldToCell({ stringValue: '2015-12-01' }, 'date')).toBe('2015-12-01');
    expect(fieldToCell({ stringValue: '' }, 'varchar')).toBe('');
  });

  it('rejects a value that cannot belong to its column type', () => {
    expect(() => fieldToCell({ stringValue: 'abc' }, 'int4')).toThrow(/cannot be a int4 cell/);
  });

  it('names columns and lower-cases their Redshift type names', () => {
    expect(toResultColumns([{ name: 'trip_date', typeName: 'date' }, { label: 'total', typeName: 'FLOAT8' }, {}])).toEqual([
      { name: 'trip_date', type: 'date' },
      { name: 'total', type: 'float8' },
      { name: 'column_3', type: 'varchar' },
    ]);
  });
});
