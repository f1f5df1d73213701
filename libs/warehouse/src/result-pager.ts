import type { ColumnMetadata, Field } from '@aws-sdk/client-redshift-data';
import type { ResultCell, ResultColumn } from '@redwire/protocol';
import { fieldToCell, toResultColumns } from './result-cell.js';
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
  /** Where the following page starts; absent after the last row. */
  readonly next?: ResultPosition;
}

/**
 * Reads one Redwire page starting at `start`: it may span several Data API pages or stop
 * inside one (then `next` keeps that page's token plus the offset inside it). At least one row
 * is returned whenever rows remain, so paging always advances.
 */
export async function readBoundedPage(fetch: FetchDataApiPage, start: ResultPosition, limits: PageLimits): Promise<BoundedPage> {
  const rows: ResultCell[][] = [];
  let bytes = 1; // `[`; each row adds its JSON plus a comma or the closing `]`: exactly JSON.stringify(rows)
  let token = start.nextToken;
  let offset = start.offset;
  let metadata: readonly ColumnMetadata[] | undefined;
  for (;;) {
    const page = await fetch(token);
    metadata ??= page.columns?.length ? page.columns : undefined;
    metadata ??= (await fetch(undefined)).columns ?? [];
    const types = metadata.map((column) => (column.typeName ?? 'varchar').toLowerCase());
    for (let index = offset; index < page.records.length; index += 1) {
      const row = (page.records[index] ?? []).map((field, column) => fieldToCell(field, types[column] ?? 'varchar'));
      const size = Buffer.byteLength(JSON.stringify(row)) + 1;
      if (rows.length > 0 && (rows.length >= limits.maxRows || bytes + size > limits.maxBytes))
        return { columns: toResultColumns(metadata), rows, next: token === undefined ? { offset: index } : { nextToken: token, offset: index } };
      rows.push(row);
      bytes += size;
    }
    if (page.nextToken === undefined) return { columns: toResultColumns(metadata), rows };
    token = page.nextToken;
    offset = 0;
    if (rows.length >= limits.maxRows) return { columns: toResultColumns(metadata), rows, next: { nextToken: token, offset: 0 } };
  }
}
