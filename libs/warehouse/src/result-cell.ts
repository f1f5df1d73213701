import type { ColumnMetadata, Field } from '@aws-sdk/client-redshift-data';
import { cellKindOf, toResultCell, type ResultCell, type ResultColumn } from '@redwire/protocol';

/** Converts one Data API field of a column whose type was resolved once, up front. */
export type CellConverter = (field: Field) => ResultCell;

/**
 * One Data API field as a protocol cell, by its column's Redshift type: NULL → null, booleans
 * stay booleans, integers within ±2^53 are numbers and beyond are strings (see
 * exact-integers.middleware.ts for how they reach us exactly), floats are numbers, NUMERIC is text.
 */
export function fieldToCell(field: Field, type: string): ResultCell {
  return cellConverter(type)(field);
}

/**
 * {@link fieldToCell} for every field of one column: the column's kind is looked up once, and the
 * common cases (a safe integer in an integer column, a finite float in a float column, text in a
 * text column) skip `toResultCell`, whose answer for them is the value itself. Everything else —
 * including every value that does not fit its column — goes through `toResultCell` unchanged.
 */
export function cellConverter(type: string): CellConverter {
  const kind = cellKindOf(type);
  return (field) => {
    if (field.isNull) return null;
    if (field.booleanValue !== undefined) return toResultCell(type, field.booleanValue);
    const long = field.longValue;
    // `long + 0` turns a -0 (JSON.parse('-0')) into 0, as toResultCell's BigInt round trip does.
    if (long !== undefined) return kind === 'integer' && Number.isSafeInteger(long) ? long + 0 : toResultCell(type, long);
    const double = field.doubleValue;
    if (double !== undefined) return kind === 'float' && Number.isFinite(double) ? double : toResultCell(type, double);
    const text = field.stringValue;
    if (text !== undefined) return kind === 'text' ? text : toResultCell(type, text);
    if (field.blobValue !== undefined) return Buffer.from(field.blobValue).toString('base64');
    return null;
  };
}

/** `{name, type}` per column; `type` is Redshift's type name, lower case. */
export function toResultColumns(metadata: readonly ColumnMetadata[]): ResultColumn[] {
  return metadata.map((column, index) => ({
    name: column.name || column.label || `column_${index + 1}`,
    type: (column.typeName ?? 'varchar').toLowerCase(),
  }));
}
