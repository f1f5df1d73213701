import type { ColumnMetadata, Field } from '@aws-sdk/client-redshift-data';
import type { ResultCell, ResultColumn } from '@redwire/protocol';
import { cellConverter, toResultColumns } from './result-cell.js';
import type { ResultPosition } from './result-cursor.js';

/** One GetStatementResult answer, reduced to what paging needs. */
export interface DataApiPage {
  readonly records: readonly (readonly Field[])[];
  readonly columns?: readonly ColumnMetadata[];
  readonly nextToken?: string;
}

export type FetchDataApiPage = (nextToken: string | undefined) => Promise<DataApiPage>;

/** Redwire's own page bounds, independent of the Data API's pages. */
export interface PageLimits {
  readonly maxRows: number;
  /** Bound on the JSON size of the rows (the response stays well under Lambda's 6 MB). */
  readonly maxBytes: number;
}

export const DEFAULT_PAGE_LIMITS: PageLimits = { maxRows: 1000, maxBytes: 1024 * 1024 };

export interface BoundedPage {
  readonly columns: ResultColumn[];
  readonly rows: ResultCell[][];
  /** `JSON.stringify(rows)`, built while the page's size was counted, so nobody serializes the rows twice. */
  readonly rowsJson: string;
  /** Where the following page starts; absent after the last row. */
  readonly next?: ResultPosition;
}

/**
 * Reads one Redwire page starting at `start`: it may span several Data API pages or stop
 * inside one (then `next` keeps that page's token plus the offset inside it). At least one row
 * is returned whenever rows remain, so paging always advances.
 *
 * The byte bound is exact: the page's rows serialize to at most `maxBytes` UTF-8 bytes. Each row's
 * JSON text is built once; its UTF-8 size is only counted once the page could be near the bound
 * (a UTF-16 code unit is at most 3 UTF-8 bytes, so 3 × the text length is a safe upper bound).
 */
export async function readBoundedPage(fetch: FetchDataApiPage, start: ResultPosition, limits: PageLimits): Promise<BoundedPage> {
  const rows: ResultCell[][] = [];
  const texts: string[] = [];
  let length = 1; // UTF-16 length of `[` + each row's JSON + a comma or the closing `]`: exactly JSON.stringify(rows)
  let bytes: number | undefined; // the same in UTF-8 bytes, counted once the bound is near
  let token = start.nextToken;
  let offset = start.offset;
  let metadata: readonly ColumnMetadata[] | undefined;
  const page = (next?: ResultPosition): BoundedPage => {
    const columns = toResultColumns(metadata ?? []);
    const rowsJson = `[${texts.join(',')}]`;
    return next ? { columns, rows, rowsJson, next } : { columns, rows, rowsJson };
  };
  for (;;) {
    const data = await fetch(token);
    metadata ??= data.columns?.length ? data.columns : undefined;
    metadata ??= (await fetch(undefined)).columns ?? [];
    const convert = metadata.map((column) => cellConverter((column.typeName ?? 'varchar').toLowerCase()));
    for (let index = offset; index < data.records.length; index += 1) {
      const fields = data.records[index] ?? [];
      const row: ResultCell[] = new Array<ResultCell>(fields.length);
      for (let column = 0; column < fields.length; column += 1) row[column] = (convert[column] ?? varchar)(fields[column] as Field);
      const text = rowJson(row);
      if (bytes === undefined && 3 * (length + text.length + 1) > limits.maxBytes) bytes = utf8Length(texts);
      const size = bytes === undefined ? 0 : Buffer.byteLength(text) + 1;
      if (rows.length > 0 && (rows.length >= limits.maxRows || (bytes !== undefined && bytes + size > limits.maxBytes)))
        return page(token === undefined ? { offset: index } : { nextToken: token, offset: index });
      rows.push(row);
      texts.push(text);
      length += text.length + 1;
      if (bytes !== undefined) bytes += size;
    }
    if (data.nextToken === undefined) return page();
    token = data.nextToken;
    offset = 0;
    if (rows.length >= limits.maxRows) return page({ nextToken: token, offset: 0 });
  }
}

const varchar = cellConverter('varchar');

/** `JSON.stringify(row)` for a row of cells, without the generic serializer's per-call overhead. */
export function rowJson(row: readonly ResultCell[]): string {
  let text = '[';
  for (let index = 0; index < row.length; index += 1) {
    if (index > 0) text += ',';
    const cell = row[index];
    if (typeof cell === 'string') text += JSON.stringify(cell);
    else if (typeof cell === 'number') text += Number.isFinite(cell) ? String(cell) : 'null';
    else if (typeof cell === 'boolean') text += cell ? 'true' : 'false';
    else text += 'null';
  }
  return `${text}]`;
}

/** The count above in UTF-8 bytes for the rows so far: `[`, then each row's JSON and one separator. */
function utf8Length(texts: readonly string[]): number {
  let bytes = 1;
  for (const text of texts) bytes += Buffer.byteLength(text) + 1;
  return bytes;
}
