import { statementStatusRule, sweeperSchedule } from '@redwire/system';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFlowCloud, type FlowCloud } from './support/flow-cloud.js';
import { FlowSocket, ofType, type Received } from './support/flow-socket.js';
import { get } from './support/http.js';
import { signUpAndSignIn, type SignedInUser } from './support/users.js';

const MAX_RUNNING = 3;
const GRACE_SECONDS = 10;
let flow: FlowCloud;
let users: Record<'alice' | 'bob' | 'carol' | 'dave', SignedInUser>;

beforeAll(async () => {
  flow = await startFlowCloud({
    warehouseOptions: { enableTestFunctions: true },
    environment: { REDWIRE_MAX_RUNNING_PER_USER: String(MAX_RUNNING), REDWIRE_ABANDON_GRACE_SECONDS: String(GRACE_SECONDS) },
  });
  const [alice, bob, carol, dave] = await Promise.all([signUpAndSignIn(flow.cloud, 'alice'), signUpAndSignIn(flow.cloud, 'bob'), signUpAndSignIn(flow.cloud, 'carol'), signUpAndSignIn(flow.cloud, 'dave')]);
  users = { alice, bob, carol, dave };
}, 120_000);

afterAll(() => flow?.close());

const open = (user: SignedInUser) => FlowSocket.open(flow.cloud.endpoints.websocket, user.idToken);
const status = (user: SignedInUser, statementId: string) => get(flow.cloud.endpoints.rest, `/statements/${statementId}`, user.idToken);
const isOutcome = (statementId: unknown) => (m: Received) => ['completed', 'failed', 'aborted'].includes(m.type) && m['statementId'] === statementId;

async function submit(socket: FlowSocket, requestId: string, report: string, params: Record<string, unknown>): Promise<string> {
  socket.send({ action: 'submit', requestId, topic: `topic-${requestId}`, report, params });
  const reply = await socket.next((m) => m['requestId'] === requestId && (m.type === 'accepted' || m.type === 'error'));
  if (reply.type !== 'accepted') throw new Error(`submit ${requestId} refused: ${JSON.stringify(reply)}`);
  return reply['statementId'] as string;
}
const slow = (socket: FlowSocket, requestId: string, ms: number) => submit(socket, requestId, 'test-slow-report', { ms });
const quick = (socket: FlowSocket, requestId: string, month = '2015-12') => submit(socket, requestId, 'trips-per-day', { month });

async function waitForState(user: SignedInUser, statementId: string, state: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if ((((await status(user, statementId)).body as { state?: string }) ?? {}).state === state) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`statement ${statementId} did not reach ${state}`);
}

describe('resume after the socket drops', () => {
  it('delivers the outcome of a statement still running when the socket dropped, on the new connection', async () => {
    const first = await open(users.alice);
    const statementId = await slow(first, 'drop-mid', 1500);
    first.terminate();
    const second = await open(users.alice);
    second.send({ action: 'resume', statementIds: [statementId] });
    expect(await second.next(isOutcome(statementId), 20_000)).toMatchObject({ type: 'completed', statementId, requestId: 'drop-mid', rowCount: 1 });
    await second.close();
  }, 30_000);

  it('sends the outcome again for a statement that finished while away', async () => {
    const first = await open(users.alice);
    const statementId = await slow(first, 'while-away', 300);
    await first.close();
    await waitForState(users.alice, statementId, 'finished');
    const second = await open(users.alice);
    second.send({ action: 'resume', statementIds: [statementId] });
    expect(await second.next(isOutcome(statementId))).toMatchObject({ type: 'completed', requestId: 'while-away' });
    second.send({ action: 'resume', statementIds: [statementId] });
    expect(await second.next(isOutcome(statementId))).toMatchObject({ type: 'completed', requestId: 'while-away' });
    await second.close();
  }, 30_000);
});

describe('lost and duplicated events', () => {
  it('pushes exactly one completed per subscription when the bus delivers every event twice, and frees each slot', async () => {
    const socket = await open(users.bob);
    flow.cloud.bus.duplicateDelivery = true;
    try {
      const ids = await Promise.all(['dup-1', 'dup-2', 'dup-3'].map((id, i) => quick(socket, id, `2015-0${i + 1}`)));
      for (const id of ids) await socket.next(isOutcome(id), 20_000);
      await flow.cloud.bus.idle();
      const completed = socket.received.filter((m) => m.type === 'completed');
      expect(completed.map((m) => m['statementId']).sort()).toEqual([...ids].sort());
    } finally {
      flow.cloud.bus.duplicateDelivery = false;
    }
    // Every slot is free again: the user can hold MAX_RUNNING statements at once, and no more.
    const running = [];
    for (let i = 0; i < MAX_RUNNING; i += 1) running.push(await slow(socket, `after-dup-${i}`, 20_000));
    socket.send({ action: 'submit', requestId: 'one-too-many', topic: 't', report: 'trips-per-day', params: { month: '2015-12' } });
    expect(await socket.next(ofType('error', { requestId: 'one-too-many' }))).toMatchObject({ code: 'too_many_statements' });
    for (const id of running) socket.send({ action: 'cancel', statementId: id });
    for (const id of running) expect(await socket.next(isOutcome(id), 20_000)).toMatchObject({ type: 'aborted' });
    await socket.close();
  }, 60_000);

  it('delivers the outcome through the sweeper when the event is lost', async () => {
    const socket = await open(users.bob);
    flow.cloud.bus.addRule(statementStatusRule.name, statementStatusRule.eventPattern, []);
    let statementId: string;
    try {
      statementId = await quick(socket, 'lost-event', '2015-05');
      await waitForState(users.bob, statementId, 'finished');
      await flow.cloud.bus.idle();
    } finally {
      flow.cloud.bus.addRule(statementStatusRule.name, statementStatusRule.eventPattern, ['notify']);
    }
    expect(socket.received.filter(isOutcome(statementId))).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 5_500)); // the sweeper looks at statements older than 5 s
    flow.cloud.bus.fireSchedule(sweeperSchedule.name);
    expect(await socket.next(isOutcome(statementId), 10_000)).toMatchObject({ type: 'completed', requestId: 'lost-event', rowCount: 31 });
    await socket.close();
  }, 40_000);
});

describe('cancel, ownership and abandonment', () => {
  it('cancels a slow statement: aborted follows', async () => {
    const socket = await open(users.carol);
    const statementId = await slow(socket, 'to-cancel', 30_000);
    expect(['submitted', 'running']).toContain(((await status(users.carol, statementId)).body as { state: string }).state);
    socket.send({ action: 'cancel', statementId, requestId: 'cancel-1' });
    expect(await socket.next(isOutcome(statementId), 15_000)).toEqual({ type: 'aborted', statementId, topic: 'topic-to-cancel', requestId: 'to-cancel' });
    expect((await status(users.carol, statementId)).body).toMatchObject({ state: 'aborted' });
    await socket.close();
  }, 30_000);

  it("answers statement_not_found to a user cancelling or resuming someone else's statement, and leaves it alone", async () => {
    const owner = await open(users.carol);
    const intruder = await open(users.dave);
    const statementId = await slow(owner, 'not-yours', 1500);
    intruder.send({ action: 'cancel', statementId });
    intruder.send({ action: 'resume', statementIds: [statementId] });
    const errors = [await intruder.next(ofType('error')), await intruder.next(ofType('error'))];
    for (const error of errors) expect(error).toMatchObject({ code: 'statement_not_found', statementId });
    expect(await owner.next(isOutcome(statementId), 20_000)).toMatchObject({ type: 'completed', requestId: 'not-yours' });
    expect(intruder.received.filter((m) => m.type !== 'error')).toEqual([]);
    await Promise.all([owner.close(), intruder.close()]);
  }, 30_000);

  it('cancels the statement of a user who disconnected and never returned, after the grace period, and frees the slot', async () => {
    const socket = await open(users.dave);
    const held = [];
    for (let i = 0; i < MAX_RUNNING; i += 1) held.push(await slow(socket, `abandoned-${i}`, 60_000));
    await socket.close();
    await new Promise((resolve) => setTimeout(resolve, (GRACE_SECONDS + 1) * 1000));
    flow.cloud.bus.fireSchedule(sweeperSchedule.name);
    for (const id of held) await waitForState(users.dave, id, 'aborted', 15_000);
    const back = await open(users.dave);
    const next = await quick(back, 'after-abandon');
    expect(await back.next(isOutcome(next), 20_000)).toMatchObject({ type: 'completed' });
    await back.close();
  }, 60_000);
});
