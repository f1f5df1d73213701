import type { Field } from '@aws-sdk/client-redshift-data';
import { toResultCell, type ResultCell } from '@redwire/protocol';
import { describe, expect, it } from 'vitest';
import { cellConverter, fieldToCell, toResultColumns } from './result-cell.js';

/** The conversion as it was before the per-column fast paths: every value through toResultCell. */
function reference(field: Field, type: string): ResultCell {
  if (field.isNull) return null;
  if (field.booleanValue !== undefined) return toResultCell(type, field.booleanValue);
  if (field.longValue !== undefined) return toResultCell(type, field.longValue);
  if (field.doubleValue !== undefined) return toResultCell(type, field.doubleValue);
  if (field.stringValue !== undefined) return toResultCell(type, field.stringValue);
  if (field.blobValue !== undefined) return Buffer.from(field.blobValue).toString('base64');
  return null;
}

const outcome = (run: () => ResultCell): { cell: ResultCell } | { error: string } => {
  try {
    return { cell: run() };
  } catch (error) {
    return { error: String(error) };
  }
};

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

  it('give exactly the answer of toResultCell for every kind of field in every kind of column', () => {
    const fields: Field[] = [
      { isNull: true }, { isNull: false, longValue: 3 } as unknown as Field, { booleanValue: true }, { booleanValue: false },
      { longValue: 0 }, { longValue: -0 }, { longValue: 42 }, { longValue: -9007199254740991 }, { longValue: 9007199254740992 }, { longValue: 1.5 },
      { doubleValue: 0.1 }, { doubleValue: -0 }, { doubleValue: 3 }, { doubleValue: Number.NaN }, { doubleValue: Number.POSITIVE_INFINITY }, { doubleValue: 1e300 },
      { stringValue: '' }, { stringValue: '12' }, { stringValue: '-9223372036854775808' }, { stringValue: '12.50' }, { stringValue: '1e3' }, { stringValue: 'NaN' },
      { stringValue: 't' }, { stringValue: 'false' }, { stringValue: 'abc' }, { stringValue: '2015-12-01 00:00:00' }, { stringValue: 'é"\\\n' },
      { blobValue: new Uint8Array([1, 2, 255]) }, {} as unknown as Field,
    ];
    const types = ['int2', 'int4', 'int8', 'INTEGER', 'float4', 'float8', 'double precision', 'numeric', 'decimal', 'bool', 'boolean', 'varchar', 'timestamp', 'date', 'super'];
    for (const type of types) {
      const convert = cellConverter(type.toLowerCase());
      for (const field of fields) {
        const expected = outcome(() => reference(field, type.toLowerCase()));
        const actual = outcome(() => convert(field));
        expect(actual, `${JSON.stringify(field)} as ${type}`).toEqual(expected);
        if ('cell' in actual && 'cell' in expected) expect(Object.is(actual.cell, expected.cell), `${JSON.stringify(field)} as ${type}`).toBe(true);
      }
    }
  });

  it('names columns and lower-cases their Redshift type names', () => {
    expect(toResultColumns([{ name: 'trip_date', typeName: 'date' }, { label: 'total', typeName: 'FLOAT8' }, {}])).toEqual([
      { name: 'trip_date', type: 'date' },
      { name: 'total', type: 'float8' },
      { name: 'column_3', type: 'varchar' },
    ]);
  });
});
