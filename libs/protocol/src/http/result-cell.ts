/**
 * How a Redshift value travels in a JSON result page: numbers JSON carries
 * exactly stay numbers, the rest become strings, NULL is `null`.
 */
export type ResultCell = number | string | boolean | null;

/** The JSON form a column's cells take, decided by its Redshift type name. */
export type CellKind = 'integer' | 'float' | 'decimal' | 'boolean' | 'text';

const KIND_BY_TYPE: Readonly<Record<string, CellKind>> = {
  int2: 'integer', int4: 'integer', int8: 'integer', smallint: 'integer', integer: 'integer', bigint: 'integer',
  float4: 'float', float8: 'float', real: 'float', float: 'float', 'double precision': 'float',
  numeric: 'decimal', decimal: 'decimal',
  bool: 'boolean', boolean: 'boolean',
};

/** Non-finite floats have no JSON number; they travel as these strings. */
export const NON_FINITE_FLOATS = ['NaN', 'Infinity', '-Infinity'] as const;

const INTEGER_TEXT = /^-?\d+$/;
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;
const FLOAT_TEXT = /^-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Cell kind for a Redshift type name (`int8`, `numeric`, `varchar` …); unknown types are text. */
export function cellKindOf(type: string): CellKind {
  return KIND_BY_TYPE[type.toLowerCase()] ?? 'text';
}

/** A value that cannot be a cell of its column's type (a warehouse adapter bug). */
export class ResultCellError extends Error {
  override readonly name = 'ResultCellError';
}

export type WarehouseValue = string | number | bigint | boolean | null | undefined;

function integerCell(value: bigint): ResultCell {
  return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value.toString();
}

function fail(type: string, value: WarehouseValue): never {
  throw new ResultCellError(`a ${typeof value} cannot be a ${type} cell`);
}

/**
 * The cell for one warehouse value of a column of Redshift type `type`.
 * Accepts what adapters produce: text (CSV, Data API stringValue), numbers,
 * bigints (DuckDB) and booleans. Throws {@link ResultCellError} on a mismatch.
 */
export function toResultCell(type: string, value: WarehouseValue): ResultCell {
  if (value === null || value === undefined) return null;
  switch (cellKindOf(type)) {
    case 'integer':
      if (typeof value === 'bigint') return integerCell(value);
      if (typeof value === 'number' && Number.isInteger(value)) return integerCell(BigInt(value));
      if (typeof value === 'string' && INTEGER_TEXT.test(value)) return integerCell(BigInt(value));
      return fail(type, value);
    case 'float':
      if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
      if (typeof value === 'bigint') return Number(value);
      if (typeof value === 'string' && FLOAT_TEXT.test(value)) return Number(value);
      if (typeof value === 'string' && (NON_FINITE_FLOATS as readonly string[]).includes(value)) return value;
      return fail(type, value);
    case 'decimal':
      if (typeof value === 'bigint' || (typeof value === 'number' && Number.isFinite(value))) return String(value);
      if (typeof value === 'string' && DECIMAL_TEXT.test(value)) return value;
      return fail(type, value);
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 't' || value === 'true') return true;
      if (value === 'f' || value === 'false') return false;
      return fail(type, value);
    case 'text':
      return typeof value === 'string' ? value : String(value);
  }
}

/** True when `cell` is exactly what {@link toResultCell} produces for a column of `type`. */
export function cellFitsType(type: string, cell: unknown): boolean {
  if (cell === null) return true;
  switch (cellKindOf(type)) {
    case 'integer':
      if (typeof cell === 'number') return Number.isSafeInteger(cell);
      return typeof cell === 'string' && INTEGER_TEXT.test(cell) && integerCell(BigInt(cell)) === cell;
    case 'float':
      return typeof cell === 'number' || (NON_FINITE_FLOATS as readonly unknown[]).includes(cell);
    case 'decimal':
      return typeof cell === 'string' && DECIMAL_TEXT.test(cell);
    case 'boolean':
      return typeof cell === 'boolean';
    case 'text':
      return typeof cell === 'string';
  }
}
