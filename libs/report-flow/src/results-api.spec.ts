import type { ResultPage } from '@redwire/protocol';
import { ResultCursors, WarehouseError } from '@redwire/warehouse';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { alice, bob, present, useFlowFixture, type FlowFixture } from '../test/flow-fixture.js';
import type { Identity } from './flow-ports.js';
import { handleMessage } from './handle-message.js';
import { handleResultsRequest, type ResultsDependencies, type ResultsReader } from './results-api.js';

const fixture = useFlowFixture();
const PAGE: ResultPage = { columns: [{ name: 'trips', type: 'int8' }], rows: [[5]] };
const ROWS = 3;

async function submit(f: FlowFixture, identity: Identity, connectionId: string): Promise<string> {
  await handleMessage(f.deps, { connectionId, identity, isBase64Encoded: false, body: JSON.stringify({ action: 'submit', requestId: 'r1', topic: 't', report: 'trips-per-day', params: { month: '2015-12' } }) });
  return (f.sender.to(connectionId)[0] as { statementId: string }).statementId;
}

async function setup(csvMaxBytes = 1000) {
  const f = await fixture();
  const statementId = await submit(f, alice, 'c');
  // Pages of one row over a ROWS-row result, with the warehouse's real cursors (bound to the owner passed in).
  const cursors = new ResultCursors('s'.repeat(32));
  const lookups: string[] = [];
  const getByStatementId = f.registry.subscriptions.getByStatementId.bind(f.registry.subscriptions);
  f.registry.subscriptions.getByStatementId = (id) => {
    lookups.push(id);
    return getByStatementId(id);
  };
  const reader: ResultsReader = {
    describe: (id) => f.runner.describe(id),
    readResultPageJson: async (id, cursor, options = {}) => {
      const offset = cursor === undefined ? 0 : cursors.verify(id, cursor, options.owner).offset;
      const next = offset + 1 < ROWS ? cursors.sign(id, { offset: offset + 1 }, options.owner) : undefined;
      const page: ResultPage = { ...PAGE, rows: [[5 + offset]], ...(next ? { cursor: next } : {}) };
      return { json: JSON.stringify(page), rows: 1, ...(next ? { cursor: next } : {}) };
    },
    writeCsv: async (_id, sink, maxBytes) => {
      const text = 'trips\r\n5\r\n';
      if (text.length > maxBytes) throw new WarehouseError('result_too_large', 'the CSV is too large; export instead');
      sink.write(text);
      return { rows: 1, bytes: text.length };
    },
  };
  const deps: ResultsDependencies = { registry: f.registry, reader, catalog: f.deps.catalog, logger: pino({ level: 'silent' }), csvMaxBytes };
  const request = (routeKey: string, identity = alice, extra: { statementId?: string; cursor?: string } = { statementId }) => handleResultsRequest(deps, { routeKey, identity, ...extra });
  const finish = async (id: string) => {
    const subscription = present(await f.registry.subscriptions.getByStatementId(id), 'subscription');
    await f.registry.subscriptions.finish(subscription.key, { state: 'finished', rowCount: ROWS });
    lookups.length = 0;
  };
  return { f, statementId, request, lookups, finish, cursors };
}

const body = (response: { body: string }) => JSON.parse(response.body) as ResultPage & { error?: { code: string } };

describe('results-api', () => {
  it('lists only the reports of the caller’s groups', async () => {
    const { request } = await setup();
    const ids = (r: { body: string }) => (JSON.parse(r.body) as { reports: { id: string }[] }).reports.map((x) => x.id);
    expect(ids(await request('GET /reports'))).toEqual(['trips-per-day']);
    expect(ids(await request('GET /reports', bob))).toEqual(['admin-only', 'trips-per-day']);
  });

  it('answers status while running from the warehouse, then from the recorded outcome', async () => {
    const { f, statementId, request } = await setup();
    expect(JSON.parse((await request('GET /statements/{id}')).body)).toMatchObject({ statementId, reportId: 'trips-per-day', state: 'running' });
    expect((await request('GET /statements/{id}/result')).statusCode).toBe(409);
    const subscription = present(await f.registry.subscriptions.getByStatementId(statementId), 'subscription');
    await f.registry.subscriptions.finish(subscription.key, { state: 'finished', rowCount: 1 });
    const status = await request('GET /statements/{id}');
    expect(JSON.parse(status.body)).toMatchObject({ state: 'finished', rowCount: 1 });
    expect(JSON.parse((await request('GET /statements/{id}/result')).body)).toMatchObject(PAGE);
    const csv = await request('GET /statements/{id}/result.csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body).toBe('trips\r\n5\r\n');
  });

  it('answers 404 to everyone but the submitter, and for malformed ids', async () => {
    const { statementId, request } = await setup();
    for (const route of ['GET /statements/{id}', 'GET /statements/{id}/result', 'GET /statements/{id}/result.csv']) {
      expect((await request(route, bob)).statusCode).toBe(404);
    }
    expect((await request('GET /statements/{id}', alice, { statementId: '../../etc/passwd' })).statusCode).toBe(404);
    expect((await request('GET /statements/{id}', alice, { statementId: `${statementId}x` })).statusCode).toBe(404);
  });

  it('refuses a malformed cursor and a CSV over the limit with typed errors', async () => {
    const { f, statementId, request } = await setup(3);
    const subscription = present(await f.registry.subscriptions.getByStatementId(statementId), 'subscription');
    await f.registry.subscriptions.finish(subscription.key, { state: 'finished', rowCount: 1 });
    const cursor = await request('GET /statements/{id}/result', alice, { statementId, cursor: 'not a cursor!' });
    expect(cursor.statusCode).toBe(400);
    expect(JSON.parse(cursor.body)).toMatchObject({ error: { code: 'invalid_cursor' } });
    const csv = await request('GET /statements/{id}/result.csv');
    expect(csv.statusCode).toBe(413);
    expect(JSON.parse(csv.body)).toEqual({ error: { code: 'result_too_large', message: 'the CSV is too large; export instead' } });
  });

  it('serves continuation pages on the owner-bound cursor alone, without looking the statement up again', async () => {
    const { statementId, request, lookups, finish } = await setup();
    await finish(statementId);
    const first = await request('GET /statements/{id}/result');
    expect(first.headers['content-type']).toMatch(/^application\/json/);
    expect(lookups).toEqual([statementId]);
    const rows = [...body(first).rows];
    let cursor = body(first).cursor;
    while (cursor) {
      const page = await request('GET /statements/{id}/result', alice, { statementId, cursor });
      expect(page.statusCode).toBe(200);
      rows.push(...body(page).rows);
      cursor = body(page).cursor;
    }
    expect(rows).toEqual([[5], [6], [7]]);
    expect(lookups).toEqual([statementId]);
  });

  it('answers another user’s valid cursor with 404, as if it had no cursor', async () => {
    const { f, statementId, request, lookups, finish } = await setup();
    await finish(statementId);
    const cursor = present(body(await request('GET /statements/{id}/result')).cursor, 'cursor');
    lookups.length = 0;
    const stolen = await request('GET /statements/{id}/result', bob, { statementId, cursor });
    expect(stolen.statusCode).toBe(404);
    expect(body(stolen).error?.code).toBe('statement_not_found');
    expect(lookups).toEqual([statementId]);
    // Bob's own finished statement with Alice's cursor: he owns the statement, the cursor is not his.
    const own = await submit(f, bob, 'b');
    await finish(own);
    const replayed = await request('GET /statements/{id}/result', bob, { statementId: own, cursor });
    expect(replayed.statusCode).toBe(400);
    expect(body(replayed).error?.code).toBe('invalid_cursor');
  });

  it('refuses the owner a forged cursor, another statement’s cursor and an unbound cursor with invalid_cursor', async () => {
    const { f, statementId, request, finish, cursors } = await setup();
    await finish(statementId);
    const other = await submit(f, alice, 'c2');
    await finish(other);
    const cursor = present(body(await request('GET /statements/{id}/result')).cursor, 'cursor');
    const [payload, mac] = cursor.split('.') as [string, string];
    const forged = `${Buffer.from(JSON.stringify({ v: 2, o: 2 })).toString('base64url')}.${mac}`;
    for (const [id, bad] of [
      [statementId, forged],
      [statementId, `${payload}.${mac.slice(0, -1)}${mac.endsWith('A') ? 'B' : 'A'}`],
      [statementId, cursors.sign(statementId, { offset: 1 })],
      [statementId, cursors.sign(statementId, { offset: 1 }, bob.userId)],
      [other, cursor],
      [statementId, 'not a cursor!'],
    ] as const) {
      const response = await request('GET /statements/{id}/result', alice, { statementId: id, cursor: bad });
      expect(response.statusCode, bad).toBe(400);
      expect(body(response).error?.code).toBe('invalid_cursor');
    }
    expect((await request('GET /statements/{id}/result', alice, { statementId: `${statementId}x`, cursor })).statusCode).toBe(404);
    expect((await request('GET /statements/{id}/result', alice, { cursor })).statusCode).toBe(404);
  });

  it('answers 401 without an identity', async () => {
    expect((await handleResultsRequest({} as ResultsDependencies, { routeKey: 'GET /reports', identity: undefined })).statusCode).toBe(401);
  });
});
