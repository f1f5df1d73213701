import { exactInteger, integerText } from '../dialect/lossless-json.js';
import { DuckDBTypeId, type DuckDBType, type DuckDBValue, DuckDBBlobValue, DuckDBDecimalType } from '@duckdb/node-api';

/** The Data API's Field union, as Redshift fills it for each column type. */
export type Field =
  | { isNull: true }
  | { booleanValue: boolean }
  | { longValue: number }
  | { doubleValue: number }
  | { stringValue: string }
  | { blobValue: string };

/** The Data API's ColumnMetadata. */
export interface ColumnMetadata {
  isCaseSensitive: boolean;
  isCurrency: boolean;
  isSigned: boolean;
  label: string;
  name: string;
  nullable: number;
  precision: number;
  scale: number;
  schemaName: string;
  tableName: string;
  typeName: string;
  length: number;
  columnDefault?: string;
}

type Kind = 'long' | 'double' | 'string' | 'boolean' | 'blob';

interface RedshiftType {
  typeName: string;
  kind: Kind;
  precision: number;
  scale: number;
  signed: boolean;
  caseSensitive?: boolean;
}

/** Redshift's name, field kind and JDBC-style precision for a DuckDB column type. */
export function redshiftType(type: DuckDBType): RedshiftType {
  const numeric = (typeName: string, kind: Kind, precision: number, scale = 0): RedshiftType => ({ typeName, kind, precision, scale, signed: true });
  const text = (typeName: string, precision: number, scale = 0): RedshiftType => ({ typeName, kind: 'string', precision, scale, signed: false });
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN: return { typeName: 'bool', kind: 'boolean', precision: 1, scale: 0, signed: false };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.UTINYINT: return numeric('int2', 'long', 5);
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.USMALLINT: return numeric('int4', 'long', 10);
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT: return numeric('int8', 'long', 19);
    case DuckDBTypeId.FLOAT: return numeric('float4', 'double', 8, 8);
    case DuckDBTypeId.DOUBLE: return numeric('float8', 'double', 17, 17);
    case DuckDBTypeId.DECIMAL: {
      const decimal = type as DuckDBDecimalType;
      return { ...numeric('numeric', 'string', decimal.width, decimal.scale) };
    }
    case DuckDBTypeId.DATE: return text('date', 13);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_S:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS: return text('timestamp', 29, 6);
    case DuckDBTypeId.TIMESTAMP_TZ: return text('timestamptz', 35, 6);
    case DuckDBTypeId.TIME: return text('time', 15, 6);
    case DuckDBTypeId.TIME_TZ: return text('timetz', 21, 6);
    case DuckDBTypeId.INTERVAL: return text('interval', 49, 6);
    case DuckDBTypeId.BLOB: return { typeName: 'varbyte', kind: 'blob', precision: 1024000, scale: 0, signed: false };
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.UUID:
    case DuckDBTypeId.ENUM: return { ...text('varchar', 65535), caseSensitive: true };
    default: return { ...text('super', 65535), caseSensitive: true };
  }
}

export function columnMetadata(name: string, type: DuckDBType): ColumnMetadata {
  const redshift = redshiftType(type);
  return {
    isCaseSensitive: redshift.caseSensitive ?? false,
    isCurrency: false,
    isSigned: redshift.signed,
    label: name,
    name,
    nullable: 1,
    precision: redshift.precision,
    scale: redshift.scale,
    schemaName: '',
    tableName: '',
    typeName: redshift.typeName,
    length: 0,
  };
}

/** A converter from DuckDB values of one column to Data API fields. */
export function fieldConverter(type: DuckDBType): (value: DuckDBValue) => Field {
  const { kind } = redshiftType(type);
  return (value) => {
    if (value === null || value === undefined) return { isNull: true };
    switch (kind) {
      case 'boolean': return { booleanValue: Boolean(value) };
      case 'long': {
        // JSON carries any integer exactly; only JavaScript numbers round beyond 2^53, so send the digits.
        const number = Number(value);
        return { longValue: Number.isSafeInteger(number) ? number : exactInteger(String(value)) };
      }
      case 'double': {
        const number = Number(value);
        return Number.isFinite(number) ? { doubleValue: number } : { stringValue: String(number) };
      }
      case 'blob': return { blobValue: Buffer.from((value as DuckDBBlobValue).bytes).toString('base64') };
      default: return { stringValue: textOf(value) };
    }
  };
}

function textOf(value: DuckDBValue): string {
  if (typeof value === 'string') return value;
  // DuckDB's own text form matches Redshift's for dates, timestamps, numerics and times.
  return String(value);
}

/** Approximate bytes a field takes in a result, for ResultSize and the result-size limit. */
export function fieldSize(field: Field): number {
  if ('stringValue' in field) return Buffer.byteLength(field.stringValue);
  if ('blobValue' in field) return Math.ceil((field.blobValue.length * 3) / 4);
  if ('longValue' in field || 'doubleValue' in field) return 8;
  return 1;
}

/** One CSV line, RFC 4180 quoting, NULL as an empty field. */
export function csvLine(values: (string | undefined)[]): string {
  return values
    .map((value) => (value === undefined ? '' : /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value))
    .join(',');
}

export function fieldText(field: Field): string | undefined {
  if ('isNull' in field) return undefined;
  if ('stringValue' in field) return field.stringValue;
  if ('longValue' in field) return integerText(field.longValue);
  if ('doubleValue' in field) return String(field.doubleValue);
  if ('booleanValue' in field) return field.booleanValue ? 't' : 'f';
  return field.blobValue;
}
