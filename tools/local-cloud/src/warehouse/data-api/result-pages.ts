import { validation } from './data-api-error.js';
import { csvLine, fieldSize, fieldText, type Field, type ColumnMetadata } from '../results/redshift-columns.js';

/** Rows per GetStatementResult page; a page also ends once it passes PAGE_BYTES. */
export const PAGE_ROWS = 1000;
export const PAGE_BYTES = 1024 * 1024;

interface PageToken {
  id: string;
  offset: number;
}

export function encodeToken(token: PageToken): string {
  return Buffer.from(JSON.stringify(token)).toString('base64url');
}

/** Reads a NextToken this server issued for `id`; anything else is a ValidationException. */
export function decodeToken(text: string | undefined, id: string, total: number): number {
  if (text === undefined) return 0;
  try {
    const token = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Partial<PageToken>;
    if (token.id === id && Number.isInteger(token.offset) && (token.offset as number) > 0 && (token.offset as number) <= total) {
      return token.offset as number;
    }
  } catch {
    // fall through to the ValidationException below
  }
  throw validation('The NextToken is not valid for this statement.');
}

/** The rows of one page starting at `offset`, and the offset after it. */
export function pageOf(records: Field[][], offset: number): { rows: Field[][]; next?: number } {
  let bytes = 0;
  let end = offset;
  while (end < records.length && end - offset < PAGE_ROWS && bytes < PAGE_BYTES) {
    for (const field of records[end] as Field[]) bytes += fieldSize(field);
    end += 1;
  }
  return { rows: records.slice(offset, end), next: end < records.length ? end : undefined };
}

/** A CSV page: the header line on the first page, then one line per row. */
export function csvPage(columns: ColumnMetadata[], rows: Field[][], first: boolean): string {
  const lines = rows.map((row) => csvLine(row.map(fieldText)));
  if (first) lines.unshift(csvLine(columns.map((column) => column.name)));
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
