import type { ColumnMetadata, Field } from '@aws-sdk/client-redshift-data';
import { describe, expect, it } from 'vitest';
import { readBoundedPage, rowJson, type DataApiPage } from './result-pager.js';

const columns: ColumnMetadata[] = [
  { name: 'n', typeName: 'int4' },
  { name: 'label', typeName: 'varchar' },
];

/** A Data API result of `total` rows split into Data API pages of `pageSize`, as GetStatementResult returns it. */
function dataApi(total: number, pageSize: number, options: { metadataOnEveryPage?: boolean; label?: (n: number) => string } = {}) {
  const calls: (string | undefined)[] = [];
  const fetch = async (token: string | undefined): Promise<DataApiPage> => {
    calls.push(token);
    const first = token === undefined ? 0 : Number(token.slice('page-'.length));
    const records: Field[][] = [];
    for (let n = first; n < Math.min(total, first + pageSize); n += 1) records.push([{ longValue: n }, { stringValue: options.label?.(n) ?? `row ${n}` }]);
    const next = first + pageSize < total ? `page-${first + pageSize}` : undefined;
    const withColumns = token === undefined || options.metadataOnEveryPage !== false;
    return { records, ...(withColumns ? { columns } : {}), ...(next ? { nextToken: next } : {}) };
  };
  return { fetch, calls };
}

async function readAll(fetch: (token: string | undefined) => Promise<DataApiPage>, maxRows: number, maxBytes: number) {
  const pages: number[][] = [];
  let position: Parameters<typeof readBoundedPage>[1] | undefined = { offset: 0 };
  while (position) {
    const page = await readBoundedPage(fetch, position, { maxRows, maxBytes });
    expect(page.columns).toEqual([
      { name: 'n', type: 'int4' },
      { name: 'label', type: 'varchar' },
    ]);
    pages.push(page.rows.map((row) => row[0] as number));
    position = page.next;
  }
  return pages;
}

describe('bounded result pages', () => {
  it('splits a large Data API page into Redwire pages of at most maxRows', async () => {
    const { fetch } = dataApi(2500, 5000);
    const pages = await readAll(fetch, 1000, 10_000_000);
    expect(pages.map((p) => p.length)).toEqual([1000, 1000, 500]);
    expect(pages.flat()).toEqual(Array.from({ length: 2500 }, (_, n) => n));
  });

  it('spans small Data API pages to fill one Redwire page, keeping the token and offset in between', async () => {
    const { fetch, calls } = dataApi(1000, 300);
    const first = await readBoundedPage(fetch, { offset: 0 }, { maxRows: 400, maxBytes: 10_000_000 });
    expect(first.rows).toHaveLength(400);
    expect(first.next).toEqual({ nextToken: 'page-300', offset: 100 });
    expect(calls).toEqual([undefined, 'page-300']);
    const pages = await readAll(fetch, 400, 10_000_000);
    expect(pages.flat()).toEqual(Array.from({ length: 1000 }, (_, n) => n));
  });

  it('bounds a page by the JSON size of its rows', async () => {
    const { fetch } = dataApi(100, 100, { label: () => 'x'.repeat(1000) });
    const page = await readBoundedPage(fetch, { offset: 0 }, { maxRows: 1000, maxBytes: 10_000 });
    expect(page.rows.length).toBeGreaterThan(0);
    expect(Buffer.byteLength(JSON.stringify(page.rows))).toBeLessThanOrEqual(10_000);
    expect(page.rows.length).toBe(9);
    const exact = await readBoundedPage(fetch, { offset: 0 }, { maxRows: 1000, maxBytes: Buffer.byteLength(JSON.stringify(page.rows)) });
    expect(exact.rows).toHaveLength(9);
    expect((await readAll(fetch, 1000, 10_000)).flat()).toHaveLength(100);
  });

  it('keeps the byte bound exact with multi-byte text, and gives the rows’ JSON text', async () => {
    // 2- to 4-byte UTF-8 characters, quotes and control characters: UTF-16 length and UTF-8 size differ.
    const label = (n: number) => `é€😀"\\\n\u0001${'ü'.repeat(n % 40)}`;
    const { fetch } = dataApi(400, 150, { label });
    for (const maxBytes of [50, 200, 1000, 4096, 10_000, 30_000]) {
      let position: Parameters<typeof readBoundedPage>[1] | undefined = { offset: 0 };
      let total = 0;
      while (position) {
        const page = await readBoundedPage(fetch, position, { maxRows: 1000, maxBytes });
        expect(page.rowsJson).toBe(JSON.stringify(page.rows));
        const size = Buffer.byteLength(page.rowsJson);
        if (page.rows.length > 1) expect(size, `maxBytes ${maxBytes}`).toBeLessThanOrEqual(maxBytes);
        if (page.next) {
          // Greedy: the next row would not have fitted.
          const next = await readBoundedPage(fetch, page.next, { maxRows: 1, maxBytes: 1 });
          expect(size + Buffer.byteLength(JSON.stringify(next.rows[0])) + 1, `maxBytes ${maxBytes}`).toBeGreaterThan(maxBytes);
        }
        total += page.rows.length;
        position = page.next;
      }
      expect(total).toBe(400);
    }
  });

  it('serializes a row exactly as JSON.stringify does', () => {
    for (const row of [[], [null], [1, -0, 2.5, 1e21, 5e-7, Number.MAX_SAFE_INTEGER], [true, false, null], ['', 'a"b', '\u2028\ud800', 'é😀', '\u0000\t']])
      expect(rowJson(row)).toBe(JSON.stringify(row));
  });

  it('still returns one row when a single row is larger than the byte bound, so paging advances', async () => {
    const { fetch } = dataApi(3, 3, { label: () => 'y'.repeat(500) });
    expect((await readAll(fetch, 10, 100)).map((p) => p.length)).toEqual([1, 1, 1]);
  });

  it('ends without a cursor exactly at the last row, and handles an empty result', async () => {
    const exact = dataApi(1000, 1000);
    const only = await readBoundedPage(exact.fetch, { offset: 0 }, { maxRows: 1000, maxBytes: 10_000_000 });
    expect(only.rows).toHaveLength(1000);
    expect(only.next).toBeUndefined();
    const empty = await readBoundedPage(dataApi(0, 10).fetch, { offset: 0 }, { maxRows: 10, maxBytes: 1000 });
    expect(empty).toEqual({ columns: [{ name: 'n', type: 'int4' }, { name: 'label', type: 'varchar' }], rows: [], rowsJson: '[]' });
  });

  it('stops at a Data API page boundary with the next token and offset 0', async () => {
    const { fetch } = dataApi(20, 10);
    const page = await readBoundedPage(fetch, { offset: 0 }, { maxRows: 10, maxBytes: 10_000 });
    expect(page.next).toEqual({ nextToken: 'page-10', offset: 0 });
  });

  it('reads column metadata from the first Data API page when a later page has none', async () => {
    const { fetch, calls } = dataApi(30, 10, { metadataOnEveryPage: false });
    const page = await readBoundedPage(fetch, { nextToken: 'page-20', offset: 5 }, { maxRows: 100, maxBytes: 100_000 });
    expect(page.rows.map((row) => row[0])).toEqual([25, 26, 27, 28, 29]);
    expect(calls).toEqual(['page-20', undefined]);
  });
});
