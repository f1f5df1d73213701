import { cellKindOf, type ResultCell, type ResultColumn } from '@redwire/protocol';

/**
 * CSV as RFC 4180 says: CRLF line ends, fields with `,` `"` CR or LF quoted, quotes doubled.
 *
 * Decisions:
 * - NULL is an empty field; an empty string is `""`, so the two stay distinguishable.
 * - Formula injection: a TEXT cell starting with `=`, `+`, `-`, `@`, TAB or CR is prefixed with `'`
 *   (OWASP's advice), because spreadsheets run such cells as formulas. Numeric, boolean and
 *   NUMERIC columns are never touched (`-12.5` stays a number); text columns lose exact
 *   round-tripping for those few values, which is the price of opening the file safely.
 */
export function csvLine(cells: readonly (ResultCell | string)[], types?: readonly string[]): string {
  return `${cells.map((cell, index) => csvField(cell, types?.[index])).join(',')}\r\n`;
}

export function csvHeader(columns: readonly ResultColumn[]): string {
  return csvLine(columns.map((column) => column.name));
}

function csvField(cell: ResultCell | string, type: string | undefined): string {
  if (cell === null) return '';
  let text = String(cell);
  if (text === '') return '""';
  if (typeof cell === 'string' && (type === undefined || cellKindOf(type) === 'text') && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}
