import { ERROR_CODES } from '@redwire/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlowCloud, type FlowCloud } from './support/flow-cloud.js';
import { FlowSocket, ofType, type Received } from './support/flow-socket.js';
import { get } from './support/http.js';
import { hostileFrames } from './support/hostile-frames.js';
import { signUpAndSignIn, type SignedInUser } from './support/users.js';

let flow: FlowCloud;
let mallory: SignedInUser;
let victim: SignedInUser;
let victimStatementId: string;
let decemberBefore: string;

const open = (user: SignedInUser) => FlowSocket.open(flow.cloud.endpoints.websocket, user.idToken);

/** Runs trips-per-day for December 2015 and returns its CSV: the fingerprint of the table. */
async function decemberCsv(user: SignedInUser, requestId: string): Promise<string> {
  const socket = await open(user);
  socket.send({ action: 'submit', requestId, topic: 'check', report: 'trips-per-day', params: { month: '2015-12' } });
  const accepted = await socket.next(ofType('accepted', { requestId }));
  const outcome = await socket.next((m) => m['statementId'] === accepted['statementId'] && m.type !== 'accepted', 20_000);
  expect(outcome).toMatchObject({ type: 'completed', rowCount: 31 });
  await socket.close();
  const csv = await get(flow.cloud.endpoints.rest, `/statements/${accepted['statementId'] as string}/result.csv`, user.idToken);
  expect(csv.status).toBe(200);
  return csv.text;
}

beforeAll(async () => {
  flow = await startFlowCloud({ environment: { REDWIRE_MAX_RUNNING_PER_USER: '2' } });
  [mallory, victim] = await Promise.all([signUpAndSignIn(flow.cloud, 'mallory'), signUpAndSignIn(flow.cloud, 'victim')]);
  decemberBefore = await decemberCsv(victim, 'before');
  const socket = await open(victim);
  socket.send({ action: 'submit', requestId: 'victims', topic: 't', report: 'trips-per-day', params: { month: '2015-01' } });
  victimStatementId = (await socket.next(ofType('accepted')))['statementId'] as string;
  await socket.close();
}, 120_000);

afterAll(() => flow?.close());

describe('hostile frames', () => {
  it('answers each of at least 50 hostile frames with exactly one typed error on a connection that keeps working', async () => {
    const frames = hostileFrames(victimStatementId);
    expect(frames.length).toBeGreaterThanOrEqual(50);
    const socket = await open(mallory);
    for (const [name, frame] of frames) {
      const before = socket.received.length;
      socket.send(frame);
      const error = await socket.next(ofType('error'));
      expect(ERROR_CODES, name).toContain(error['code']);
      expect(typeof error['message'], name).toBe('string');
      // Routes run concurrently (as Lambdas do), so a later ping proves the socket still works, not an order.
      socket.send({ action: 'ping' });
      await socket.next(ofType('pong'));
      const replies: Received[] = socket.received.slice(before);
      expect(replies.map((m) => m.type).sort(), name).toEqual(['error', 'pong']);
    }
    // Nothing trickles in afterwards: exactly one error per frame in total.
    await socket.collectFor(500);
    expect(socket.received.filter((m) => m.type === 'error')).toHaveLength(frames.length);
    expect(socket.received.filter((m) => m.type === 'accepted')).toEqual([]);
    await socket.close();
  }, 60_000);

  it('closes the connection with 1009 on a frame over 32 KB; a new connection works', async () => {
    const socket = await open(mallory);
    socket.send({ action: 'ping', pad: 'x'.repeat(40 * 1024) });
    expect((await socket.closed).code).toBe(1009);
    const fresh = await open(mallory);
    fresh.send({ action: 'ping' });
    expect(await fresh.next(ofType('pong'))).toEqual({ type: 'pong' });
    await fresh.close();
  }, 20_000);

  it('leaves the victim’s statement and the table untouched, and the report still runs', async () => {
    const status = await get(flow.cloud.endpoints.rest, `/statements/${victimStatementId}`, victim.idToken);
    expect(status.body).toMatchObject({ state: 'finished', rowCount: 31 });
    expect(await decemberCsv(mallory, 'after')).toBe(decemberBefore);
  }, 30_000);
});

describe('a user flooding submits', () => {
  it('gets too_many_statements beyond the slots, while another user is served at once', async () => {
    const flooder = await open(mallory);
    for (let i = 0; i < 12; i += 1) flooder.send({ action: 'submit', requestId: `flood-${i}`, topic: 'flood', report: 'trips-per-day', params: { month: `2015-${String((i % 12) + 1).padStart(2, '0')}` } });
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => flooder.next((m) => m['requestId'] === `flood-${i}` && (m.type === 'accepted' || m.type === 'error'), 20_000)));
    const refused = replies.filter((m) => m.type === 'error');
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) expect(error['code']).toBe('too_many_statements');
    expect(replies.filter((m) => m.type === 'accepted').length).toBeGreaterThanOrEqual(2);

    const started = Date.now();
    expect(await decemberCsv(victim, 'meanwhile')).toBe(decemberBefore);
    expect(Date.now() - started).toBeLessThan(10_000);
    await flooder.close();
  }, 60_000);
});
