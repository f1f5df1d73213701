import { afterEach, describe, expect, it } from 'vitest';
import { startFakeDataApi } from '../test/fake-data-api.js';
import { Warehouse } from './warehouse.js';

const STATEMENT = '8e5e8f3a-1111-4b2c-9d3e-000000000001';
let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  close = undefined;
});

const COLUMNS = '[{"name":"trip_date","typeName":"date"},{"name":"trips","typeName":"int8"},{"name":"fare","typeName":"numeric"},{"name":"note","typeName":"varchar"}]';

/** GetStatementResult answers as raw JSON text: 25 rows in Data API pages of 10. */
function getStatementResult(input: Record<string, unknown>) {
  if (input['Id'] !== STATEMENT) return { status: 400, json: '{"__type":"ResourceNotFoundException","message":"Query does not exist"}' };
  const start = input['NextToken'] ? Number(input['NextToken']) : 0;
  if (!Number.isInteger(start)) return { status: 400, json: '{"__type":"ValidationException","message":"invalid token"}' };
  const rows = [];
  for (let n = start; n < Math.min(25, start + 10); n += 1)
    rows.push(`[{"stringValue":"2015-12-${String(n + 1).padStart(2, '0')}"},{"longValue":${n === 0 ? '9223372036854775807' : n}},{"stringValue":"${n}.50"},${n === 1 ? '{"isNull":true}' : '{"stringValue":"a, \\"b\\""}'}]`);
  const next = start + 10 < 25 ? `,"NextToken":"${start + 10}"` : '';
  return { json: `{"ColumnMetadata":${COLUMNS},"TotalNumRows":25,"Records":[${rows.join(',')}]${next}}` };
}

async function warehouse(maxRows = 8) {
  const fake = await startFakeDataApi({ GetStatementResult: getStatementResult });
  close = fake.close;
  return new Warehouse({
    client: fake.client,
    target: { kind: 'workgroup', workgroupName: 'wg', database: 'dev', credentials: { kind: 'iam' } },
    cursorSecret: 'c'.repeat(32),
    pageLimits: { maxRows, maxBytes: 1024 * 1024 },
  });
}

describe('Warehouse result pages', () => {
  it('pages through the result with signed cursors, exact int8 and typed cells', async () => {
    const client = await warehouse();
    const first = await client.readResultPage(STATEMENT);
    expect(first.columns).toEqual([
      { name: 'trip_date', type: 'date' },
      { name: 'trips', type: 'int8' },
      { name: 'fare', type: 'numeric' },
      { name: 'note', type: 'varchar' },
    ]);
    expect(first.rows[0]).toEqual(['2015-12-01', '9223372036854775807', '0.50', 'a, "b"']);
    expect(first.rows[1]).toEqual(['2015-12-02', 1, '1.50', null]);
    const trips: unknown[] = first.rows.map((row) => row[1]);
    let cursor = first.cursor;
    while (cursor) {
      const page = await client.readResultPage(STATEMENT, cursor);
      expect(page.rows.length).toBeLessThanOrEqual(8);
      trips.push(...page.rows.map((row) => row[1]));
      cursor = page.cursor;
    }
    expect(trips).toEqual(['9223372036854775807', ...Array.from({ length: 24 }, (_, i) => i + 1)]);
  });

  it('refuses a cursor of another statement and a tampered cursor', async () => {
    const client = await warehouse();
    const { cursor } = await client.readResultPage(STATEMENT);
    await expect(client.readResultPage('8e5e8f3a-1111-4b2c-9d3e-000000000002', cursor)).rejects.toMatchObject({ code: 'invalid_cursor' });
    await expect(client.readResultPage(STATEMENT, `x${cursor}`)).rejects.toMatchObject({ code: 'invalid_cursor' });
  });

  it('gives the same page as JSON text, byte for byte, with cursors bound to the owner', async () => {
    const client = await warehouse();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await client.readResultPage(STATEMENT, cursor, { owner: 'user-alice' });
      const json = await client.readResultPageJson(STATEMENT, cursor, { owner: 'user-alice' });
      expect(json.json).toBe(JSON.stringify(page));
      expect(json.rows).toBe(page.rows.length);
      expect(json.cursor).toBe(page.cursor);
      if (page.cursor) {
        await expect(client.readResultPageJson(STATEMENT, page.cursor, { owner: 'user-bob' })).rejects.toMatchObject({ code: 'invalid_cursor' });
        await expect(client.readResultPage(STATEMENT, page.cursor)).rejects.toMatchObject({ code: 'invalid_cursor' });
      }
      cursor = page.cursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(4);
  });

  it('reports an unknown statement as statement_not_found', async () => {
    const client = await warehouse();
    await expect(client.readResultPage('8e5e8f3a-1111-4b2c-9d3e-000000000009')).rejects.toMatchObject({ code: 'statement_not_found' });
  });

  it('writes the whole result as CSV from the same pages', async () => {
    const client = await warehouse();
    const chunks: string[] = [];
    const written = await client.writeCsv(STATEMENT, { write: (chunk) => chunks.push(chunk) }, 100_000);
    const lines = chunks.join('').split('\r\n');
    expect(lines[0]).toBe('trip_date,trips,fare,note');
    expect(lines[1]).toBe('2015-12-01,9223372036854775807,0.50,"a, ""b"""');
    expect(lines[2]).toBe('2015-12-02,1,1.50,');
    expect(lines).toHaveLength(27);
    expect(lines[26]).toBe('');
    expect(written).toEqual({ rows: 25, bytes: Buffer.byteLength(chunks.join('')) });
  });

  it('fails with result_too_large instead of writing past the limit', async () => {
    const client = await warehouse();
    const chunks: string[] = [];
    await expect(client.writeCsv(STATEMENT, { write: (chunk) => chunks.push(chunk) }, 500)).rejects.toMatchObject({ code: 'result_too_large' });
    expect(Buffer.byteLength(chunks.join(''))).toBeLessThanOrEqual(500);
  });
});
