import type { RestClient } from '../connection/rest-client.js';
import type { Cell, ResultColumn } from './cell-format.js';

/** Most rows one report shows in the page; the CSV download has them all. */
export const MAX_SHOWN_ROWS = 10_000;

export interface LoadedResult {
  columns: ResultColumn[];
  rows: Cell[][];
  /** More rows exist than are shown. */
  truncated: boolean;
}

/**
 * Reads result pages in order until the last one or {@link MAX_SHOWN_ROWS}. `onProgress` gets the
 * rows read so far after every page but the last, so a big result can be shown while the rest loads.
 */
export async function fetchResult(rest: RestClient, statementId: string, signal: AbortSignal, onProgress?: (sofar: LoadedResult) => void): Promise<LoadedResult> {
  let page = await rest.resultPage(statementId, undefined, signal);
  const columns = page.columns;
  const rows: Cell[][] = [...page.rows];
  while (page.cursor !== undefined && rows.length < MAX_SHOWN_ROWS) {
    onProgress?.({ columns, rows: [...rows], truncated: false });
    page = await rest.resultPage(statementId, page.cursor, signal);
    rows.push(...page.rows);
  }
  return { columns, rows: rows.slice(0, MAX_SHOWN_ROWS), truncated: page.cursor !== undefined || rows.length > MAX_SHOWN_ROWS };
}
