import type { ColumnMetadata, Field } from '@aws-sdk/client-redshift-data';
import { toResultCell, type ResultCell, type ResultColumn } from '@redwire/protocol';

/**
 * One Data API field as a protocol cell, by its column's Redshift type: NULL → null, booleans
 * stay booleans, integers within ±2^53 are numbers and beyond are strings (see
 * exact-integers.middleware.ts for how they reach us exactly), floats are numbers, NUMERIC is text.
 */
export function fieldToCell(field: Field, type: string): ResultCell {
  if (field.isNull) return null;
  if (field.booleanValue !== undefined) return toResultCell(type, field.booleanValue);
  if (field.longValue !== undefined) return toResultCell(type, field.longValue);
  if (field.doubleValue !== undefined) return toResultCell(type, field.doubleValue);
  if (field.stringValue !== undefined) return toResultCell(type, field.stringValue);
  if (field.blobValue !== undefined) return Buffer.from(field.blobValue).toString('base64');
  return null;
}

/** `{name, type}` per column; `type` is Redshift's type name, lower case. */
export function toResultColumns(metadata: readonly ColumnMetadata[]): ResultColumn[] {
  return metadata.map((column, index) => ({
    name: column.name || column.label || `column_${index + 1}`,
    type: (column.typeName ?? 'varchar').toLowerCase(),
  }));
}
