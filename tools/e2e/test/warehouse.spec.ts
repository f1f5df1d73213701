import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnv, redshiftDataClient, resetAwsClients, warehouseEnv } from '@redwire/config';
// The local cloud is a tool with projectType application; tests may drive its stand-ins in-process.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startRedshiftDataServer, type RedshiftDataServer } from '@redwire/local-cloud';
import { resultPageSchema, type ResultPage } from '@redwire/protocol';
import { Warehouse, type StatementDescription } from '@redwire/warehouse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PAGE_BYTES = 64 * 1024;
let server: RedshiftDataServer;
let stateDir: string;
let warehouse: Warehouse;
const saved = { ...process.env };

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'redwire-e2e-warehouse-'));
  server = await startRedshiftDataServer({ port: 0, stateDir, sampleRows: 20_000, enableTestFunctions: true });
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_REDSHIFT_DATA: server.url,
  });
  const target = parseEnv({ target: warehouseEnv }, { REDWIRE_CLUSTER_IDENTIFIER: 'redwire-local', REDWIRE_DATABASE: 'dev' }).target;
  warehouse = new Warehouse({ client: redshiftDataClient(), target, cursorSecret: 'e2e-cursor-secret-'.padEnd(40, 'x'), pageLimits: { maxRows: 1000, maxBytes: PAGE_BYTES } });
});

afterAll(async () => {
  resetAwsClients();
  process.env = saved;
  await server?.close();
  await rm(stateDir, { recursive: true, force: true });
});

async function settled(statementId: string, timeoutMs = 30_000): Promise<StatementDescription> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const description = await warehouse.describe(statementId);
    if (['finished', 'failed', 'aborted'].includes(description.state)) return description;
    if (Date.now() > until) throw new Error(`statement ${statementId} still ${description.state}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function run(sql: string, parameters?: Record<string, string>) {
  const { statementId } = await warehouse.execute({ sql, parameters, statementName: 'redwire:e2e:AAAAAAAAAAAAAAAAAAAAAA', withEvent: false });
  return { statementId, description: await settled(statementId) };
}

async function allPages(statementId: string): Promise<ResultPage[]> {
  const pages = [await warehouse.readResultPage(statementId)];
  for (let cursor = pages[0]?.cursor; cursor; cursor = pages.at(-1)?.cursor) pages.push(await warehouse.readResultPage(statementId, cursor));
  return pages;
}

describe('warehouse against the Data API stand-in', () => {
  it('runs the trips-per-day report with a bound month: 31 typed rows', async () => {
    const sql = await readFile(join(import.meta.dirname, '../../../sql/reports/trips-per-day.sql'), 'utf8');
    const { statementId, description } = await run(sql, { month: '2015-12' });
    expect(description).toMatchObject({ state: 'finished', rowCount: 31, hasResultSet: true });
    const page = await warehouse.readResultPage(statementId);
    expect(resultPageSchema.safeParse(page).success).toBe(true);
    expect(page.columns.map((c) => c.name)).toEqual(['trip_date', 'total_hours', 'total_distance', 'total_fare']);
    expect(page.rows).toHaveLength(31);
    expect(page.rows[0]?.[0]).toBe('2015-12-01');
    expect(typeof page.rows[0]?.[3]).toBe('number');
    expect(page.cursor).toBeUndefined();
  });

  it('binds parameter values as values, never as SQL', async () => {
    const hostile = "x'; DROP TABLE nyc_yellow_taxi; --";
    const { statementId, description } = await run('SELECT :text AS echoed, CAST(:n AS int) + 1 AS next', { text: hostile, n: '41' });
    expect(description.state).toBe('finished');
    expect((await warehouse.readResultPage(statementId)).rows).toEqual([[hostile, 42]]);
    const { statementId: count } = await run('SELECT count(*) AS n FROM nyc_yellow_taxi');
    expect((await warehouse.readResultPage(count)).rows).toEqual([[20_000]]);
  });

  it('pages a 5,000-row result through bounded Redwire pages with signed cursors', async () => {
    const { statementId, description } = await run("SELECT x AS n, repeat('x', 90) || x AS label FROM range(5000) t(x) ORDER BY x");
    expect(description.rowCount).toBe(5000);
    const pages = await allPages(statementId);
    for (const page of pages) {
      expect(page.rows.length).toBeLessThanOrEqual(1000);
      expect(Buffer.byteLength(JSON.stringify(page.rows))).toBeLessThanOrEqual(PAGE_BYTES);
      expect(resultPageSchema.safeParse(page).success).toBe(true);
    }
    expect(pages.length).toBeGreaterThanOrEqual(8); // ~100-byte rows: the 64 KiB bound, not the 1,000 rows, cuts these pages
    expect(pages.flatMap((p) => p.rows.map((r) => r[0]))).toEqual(Array.from({ length: 5000 }, (_, i) => i));
    const cursor = pages[0]?.cursor ?? '';
    const { statementId: other } = await run('SELECT 1 AS one');
    await expect(warehouse.readResultPage(other, cursor)).rejects.toMatchObject({ code: 'invalid_cursor' });
    await expect(warehouse.readResultPage(statementId, cursor.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).rejects.toMatchObject({ code: 'invalid_cursor' });
  });

  it('writes the same rows as CSV, and refuses a CSV over the limit', async () => {
    const { statementId } = await run("SELECT x AS n, 'a,\"b' AS quoted, NULL AS nothing FROM range(5000) t(x) ORDER BY x");
    const chunks: string[] = [];
    const written = await warehouse.writeCsv(statementId, { write: (chunk) => chunks.push(chunk) }, 1024 * 1024);
    const lines = chunks.join('').split('\r\n');
    expect(lines[0]).toBe('n,quoted,nothing');
    expect(lines[1]).toBe('0,"a,""b",');
    expect(lines[5000]).toBe('4999,"a,""b",');
    expect(written.rows).toBe(5000);
    await expect(warehouse.writeCsv(statementId, { write: () => undefined }, 10_000)).rejects.toMatchObject({ code: 'result_too_large' });
  });

  it('keeps NUMERIC as text and integers within 2^53 as numbers', async () => {
    const { statementId } = await run('SELECT CAST(12.50 AS NUMERIC(10,2)) AS price, CAST(9007199254740991 AS BIGINT) AS safe, 5 AS small');
    expect((await warehouse.readResultPage(statementId)).rows).toEqual([['12.50', 9007199254740991, 5]]);
  });

  it('keeps int8 beyond 2^53 exact', async () => {
    const { statementId } = await run('SELECT CAST(9223372036854775807 AS BIGINT) AS big, CAST(-9007199254740993 AS BIGINT) AS low');
    expect((await warehouse.readResultPage(statementId)).rows).toEqual([['9223372036854775807', '-9007199254740993']]);
  });

  it('reports a failing statement with its message and an unknown one as statement_not_found', async () => {
    const { description } = await run('SELECT * FROM no_such_table');
    expect(description.state).toBe('failed');
    expect(description.error?.message).toMatch(/no_such_table/);
    await expect(warehouse.describe('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ code: 'statement_not_found' });
  });

  it('cancels a running statement, which then ends aborted', async () => {
    const { statementId } = await warehouse.execute({ sql: 'SELECT redwire_sleep(20000) AS slept', statementName: 'redwire:e2e:BBBBBBBBBBBBBBBBBBBBBB', withEvent: false });
    for (let i = 0; i < 100 && (await warehouse.describe(statementId)).state !== 'running'; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(await warehouse.cancel(statementId)).toBe(true);
    expect((await settled(statementId, 10_000)).state).toBe('aborted');
    expect(await warehouse.cancel(statementId)).toBe(false);
  });
});
