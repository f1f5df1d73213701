import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlowCloud, type FlowCloud } from './support/flow-cloud.js';
import { FlowSocket, ofType, UpgradeRefused } from './support/flow-socket.js';
import { get } from './support/http.js';
import { expiredToken, forgedToken } from './support/tokens.js';
import { signUpAndSignIn, type SignedInUser } from './support/users.js';

let flow: FlowCloud;
let alice: SignedInUser;
let bob: SignedInUser;
let socket: FlowSocket;

const ws = () => flow.cloud.endpoints.websocket;
const rest = () => flow.cloud.endpoints.rest;

beforeAll(async () => {
  flow = await startFlowCloud();
  expect(flow.cloud.unavailableFunctions).toEqual([]);
  [alice, bob] = await Promise.all([signUpAndSignIn(flow.cloud, 'alice'), signUpAndSignIn(flow.cloud, 'bob')]);
  socket = await FlowSocket.open(ws(), alice.idToken);
}, 120_000);

afterAll(async () => {
  await socket?.close();
  await flow?.close();
});

async function submitAndWait(s: FlowSocket, requestId: string, topic: string, report: string, params: Record<string, unknown>) {
  s.send({ action: 'submit', requestId, topic, report, params });
  const accepted = await s.next(ofType('accepted', { requestId }));
  const outcome = await s.next((m) => ['completed', 'failed', 'aborted'].includes(m.type) && m['statementId'] === accepted['statementId']);
  return { accepted, outcome, statementId: accepted['statementId'] as string };
}

describe('the report flow, signed in, over real sockets and SDK clients', () => {
  it('runs trips-per-day for December 2015: accepted, completed with 31 rows, rows and CSV over HTTP', async () => {
    const { accepted, outcome, statementId } = await submitAndWait(socket, 'dec-2015', 'trips', 'trips-per-day', { month: '2015-12' });
    expect(accepted).toMatchObject({ type: 'accepted', topic: 'trips', requestId: 'dec-2015' });
    expect(Date.parse(accepted['submittedAt'] as string)).toBeGreaterThan(Date.now() - 60_000);
    expect(outcome).toEqual({ type: 'completed', statementId, topic: 'trips', requestId: 'dec-2015', rowCount: 31 });

    const page = await get(rest(), `/statements/${statementId}/result`, alice.idToken);
    expect(page.status).toBe(200);
    const body = page.body as { columns: { name: string; type: string }[]; rows: unknown[][]; cursor?: string };
    expect(body.columns.map((c) => c.name)).toEqual(['trip_date', 'total_hours', 'total_distance', 'total_fare']);
    expect(body.rows).toHaveLength(31);
    expect(body.cursor).toBeUndefined();
    expect(body.rows.map((row) => row[0])).toEqual(Array.from({ length: 31 }, (_, i) => `2015-12-${String(i + 1).padStart(2, '0')}`));
    for (const row of body.rows) for (const cell of row.slice(1)) expect(typeof cell).toBe('number');
    expect(body.rows.some((row) => (row[3] as number) > 0)).toBe(true);

    const forged = await get(rest(), `/statements/${statementId}/result?cursor=eyJ2IjoxLCJvIjo1fQ.forged`, alice.idToken);
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ error: { code: 'invalid_cursor' } });

    const status = await get(rest(), `/statements/${statementId}`, alice.idToken);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ statementId, reportId: 'trips-per-day', state: 'finished', rowCount: 31 });
    expect((status.body as { elapsedMs: number }).elapsedMs).toBeGreaterThanOrEqual(0);

    const csv = await get(rest(), `/statements/${statementId}/result.csv`, alice.idToken);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toMatch(/^text\/csv/);
    const lines = csv.text.split('\r\n').filter((line) => line !== '');
    expect(lines[0]).toBe('trip_date,total_hours,total_distance,total_fare');
    expect(lines).toHaveLength(32);
    expect(lines[1]?.startsWith('2015-12-01,')).toBe(true);
  });

  it('lists the catalog over HTTP for a signed-in user', async () => {
    const reports = await get(rest(), '/reports', alice.idToken);
    expect(reports.status).toBe(200);
    expect((reports.body as { reports: { id: string }[] }).reports.map((r) => r.id)).toContain('trips-per-day');
  });

  it('carries two topics on one connection at once, each outcome naming its own topic', async () => {
    socket.send({ action: 'submit', requestId: 'topic-a', topic: 'left', report: 'trips-per-day', params: { month: '2015-02' } });
    socket.send({ action: 'submit', requestId: 'topic-b', topic: 'right', report: 'trips-per-day', params: { month: '2015-04' } });
    const [a, b] = await Promise.all([socket.next(ofType('accepted', { requestId: 'topic-a' })), socket.next(ofType('accepted', { requestId: 'topic-b' }))]);
    expect(a['statementId']).not.toBe(b['statementId']);
    const [doneA, doneB] = await Promise.all([
      socket.next(ofType('completed', { statementId: a['statementId'] })),
      socket.next(ofType('completed', { statementId: b['statementId'] })),
    ]);
    expect(doneA).toMatchObject({ topic: 'left', requestId: 'topic-a', rowCount: 28 });
    expect(doneB).toMatchObject({ topic: 'right', requestId: 'topic-b', rowCount: 30 });
  });

  it('reports a statement the warehouse fails as failed, with the warehouse message', async () => {
    const { outcome, statementId } = await submitAndWait(socket, 'will-fail', 'broken', 'test-failing-report', { month: '2015-03' });
    expect(outcome).toMatchObject({ type: 'failed', statementId, topic: 'broken', requestId: 'will-fail', error: { code: 'query_failed' } });
    expect((outcome['error'] as { message: string }).message).toMatch(/no_such_column/);
    const status = await get(rest(), `/statements/${statementId}`, alice.idToken);
    expect(status.body).toMatchObject({ state: 'failed', error: { code: 'query_failed' } });
    const rows = await get(rest(), `/statements/${statementId}/result`, alice.idToken);
    expect(rows.status).toBe(409);
  });
});

describe('who may read and connect', () => {
  it("answers 404 to another user reading someone's statement, its rows and its CSV", async () => {
    const { statementId } = await submitAndWait(socket, 'private', 'mine', 'trips-per-day', { month: '2015-06' });
    for (const path of [`/statements/${statementId}`, `/statements/${statementId}/result`, `/statements/${statementId}/result.csv`]) {
      const response = await get(rest(), path, bob.idToken);
      expect(response.status, path).toBe(404);
      expect(response.body).toEqual({ error: { code: 'statement_not_found', message: 'no statement with this id' } });
    }
    expect((await get(rest(), `/statements/${statementId}`, alice.idToken)).status).toBe(200);
  });

  it('answers 401 without a token, over HTTP and at $connect', async () => {
    expect((await get(rest(), '/reports', undefined)).status).toBe(401);
    await expect(FlowSocket.open(ws(), undefined)).rejects.toEqual(new UpgradeRefused(401));
  });

  it('refuses forged and expired tokens, over HTTP and at $connect', async () => {
    for (const token of [forgedToken(alice.idToken), expiredToken(alice.idToken), 'not-a-jwt']) {
      expect((await get(rest(), '/reports', token)).status).toBe(401);
      await expect(FlowSocket.open(ws(), token)).rejects.toBeInstanceOf(UpgradeRefused);
    }
  });
});

describe('frames that are not valid messages', () => {
  const malformed: [string, unknown][] = [
    ['not JSON', '{"action": "submit",'],
    ['an unknown action', { action: 'explode', requestId: 'r-1' }],
    ['a submit without params', { action: 'submit', requestId: 'r-2', topic: 't', report: 'trips-per-day' }],
    ['a submit whose month is a number', { action: 'submit', requestId: 'r-3', topic: 't', report: 'trips-per-day', params: { month: 201512 } }],
    ['a ping with an extra field', { action: 'ping', sql: 'DROP TABLE nyc_yellow_taxi' }],
  ];

  it.each(malformed)('answers %s with one typed error and keeps the connection usable', async (_name, frame) => {
    const before = socket.received.length;
    socket.send(frame);
    const error = await socket.next(ofType('error'));
    expect(['invalid_message', 'invalid_params']).toContain(error['code']);
    expect(typeof error['message']).toBe('string');
    socket.send({ action: 'ping' });
    await socket.next(ofType('pong'));
    expect(socket.received.slice(before).map((m) => m.type).sort()).toEqual(['error', 'pong']);
  });

  it('answers ping with pong', async () => {
    socket.send({ action: 'ping' });
    expect(await socket.next(ofType('pong'))).toEqual({ type: 'pong' });
  });
});
