/** A result column as the results API describes it: its name and its Redshift type name. */
export interface ResultColumn {
  name: string;
  type: string;
}

/** A JSON cell: numbers that JSON carries exactly, strings (also for int8/NUMERIC beyond 2^53), booleans, or NULL. */
export type Cell = string | number | boolean | null;

const NUMERIC_TYPES = /^(int2|int4|int8|smallint|integer|bigint|numeric|decimal|float4|float8|real|double precision|float)\b/i;

/** True for Redshift number types: their cells are right-aligned and formatted. */
export function isNumericType(type: string): boolean {
  return NUMERIC_TYPES.test(type.trim());
}

/** Cached formatters: one per locale and fraction setting. */
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string | undefined, maxFraction: number, minFraction = 0): Intl.NumberFormat {
  const key = `${locale ?? ''}|${minFraction}|${maxFraction}`;
  let format = formatters.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: minFraction, maximumFractionDigits: maxFraction });
    formatters.set(key, format);
  }
  return format;
}

/**
 * The text shown for one cell. NULL is an empty string (never `true`, the sample's bug);
 * numbers are grouped for the locale; exact decimals given as strings stay exact.
 */
export function formatCell(value: Cell, column: ResultColumn, locale?: string): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (!isNumericType(column.type)) return String(value);
  if (typeof value === 'number') return numberFormat(locale, Number.isInteger(value) ? 0 : 2).format(value);
  if (!/^-?[0-9]+(\.[0-9]+)?$/.test(value)) return value;
  // A decimal keeps its scale (12.50 stays 12.50); Intl formats decimal strings exactly, with no float in between.
  const fraction = Math.min(value.split('.')[1]?.length ?? 0, 20);
  return numberFormat(locale, fraction, fraction).format(value as unknown as number);
}

/** Sort order of two cells of one column: NULLs last, numbers by value, text by the locale's collation. */
export function compareCells(a: Cell, b: Cell, column: ResultColumn): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (isNumericType(column.type)) return Number(a) - Number(b);
  return String(a).localeCompare(String(b));
}
