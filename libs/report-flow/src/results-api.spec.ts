import type { ResultPage } from '@redwire/protocol';
import { WarehouseError } from '@redwire/warehouse';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { alice, bob, present, useFlowFixture } from '../test/flow-fixture.js';
import type { ResultReader } from './flow-ports.js';
import { handleMessage } from './handle-message.js';
import { handleResultsRequest, type ResultsDependencies } from './results-api.js';

const fixture = useFlowFixture();
const PAGE: ResultPage = { columns: [{ name: 'trips', type: 'int8' }], rows: [[5]] };

async function setup(csvMaxBytes = 1000) {
  const f = await fixture();
  await handleMessage(f.deps, { connectionId: 'c', identity: alice, isBase64Encoded: false, body: JSON.stringify({ action: 'submit', requestId: 'r1', topic: 't', report: 'trips-per-day', params: { month: '2015-12' } }) });
  const statementId = (f.sender.to('c')[0] as { statementId: string }).statementId;
  const reader: ResultReader = {
    describe: (id) => f.runner.describe(id),
    readResultPage: async () => PAGE,
    writeCsv: async (_id, sink, maxBytes) => {
      const text = 'trips\r\n5\r\n';
      if (text.length > maxBytes) throw new WarehouseError('result_too_large', 'the CSV is too large; export instead');
      sink.write(text);
      return { rows: 1, bytes: text.length };
    },
  };
  const deps: ResultsDependencies = { registry: f.registry, reader, catalog: f.deps.catalog, logger: pino({ level: 'silent' }), csvMaxBytes };
  const request = (routeKey: string, identity = alice, extra: { statementId?: string; cursor?: string } = { statementId }) => handleResultsRequest(deps, { routeKey, identity, ...extra });
  return { f, statementId, request };
}

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
    expect(JSON.parse((await request('GET /statements/{id}/result')).body)).toEqual(PAGE);
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

  it('answers 401 without an identity', async () => {
    expect((await handleResultsRequest({} as ResultsDependencies, { routeKey: 'GET /reports', identity: undefined })).statusCode).toBe(401);
  });
});
