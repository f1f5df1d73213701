import { describe, expect, it } from 'vitest';
import { statementNameFor } from '@redwire/connection-registry';
import { alice, useFlowFixture, type FlowFixture, present } from '../test/flow-fixture.js';
import { handleMessage } from './handle-message.js';
import { notifyStatement } from './notify-statement.js';

const fixture = useFlowFixture();

async function submitted(f: FlowFixture, connectionId = 'conn-a') {
  await f.deps.registry.connections.put({ connectionId, userId: alice.userId, groups: [] });
  await handleMessage(f.deps, { connectionId, identity: alice, isBase64Encoded: false, body: JSON.stringify({ action: 'submit', requestId: 'r1', topic: 'trips', report: 'trips-per-day', params: { month: '2015-12' } }) });
  const run = present(f.runner.executed.at(-1), 'ExecuteStatement call');
  const statementId = `00000000-0000-4000-8000-${String(f.runner.executed.length).padStart(12, '0')}`;
  return { statementName: run.statementName, statementId };
}

const outcomes = (f: FlowFixture) => f.sender.to('conn-a').filter((m) => m.type !== 'accepted');

/** The documented example shape: `rows`, `redshiftQueryId`, epoch `expireAt`. */
const exampleEvent = (statementId: string, statementName: string, state: string, rows?: number) => ({
  'detail-type': 'Redshift Data Statement Status Change',
  source: 'aws.redshift-data',
  detail: { principal: 'arn:aws:sts::1:assumed-role/runner/notify', statementName, statementId, redshiftQueryId: -1, state, ...(rows === undefined ? {} : { rows }), expireAt: 1601673265 },
});

describe('notify', () => {
  it('records the outcome once and pushes completed with the row count of the event, without asking the warehouse', async () => {
    const f = await fixture({ maxRunningPerUser: 1 });
    const { statementId, statementName } = await submitted(f);
    const asked: string[] = [];
    const describe = f.runner.describe.bind(f.runner);
    f.runner.describe = async (id) => {
      asked.push(id);
      return describe(id);
    };
    expect(await notifyStatement(f.deps, exampleEvent(statementId, statementName, 'FINISHED', 31))).toBe('delivered');
    expect(await notifyStatement(f.deps, exampleEvent(statementId, statementName, 'FINISHED', 31))).toBe('duplicate');
    expect(outcomes(f)).toEqual([{ type: 'completed', statementId, topic: 'trips', requestId: 'r1', rowCount: 31 }]);
    expect(asked).toEqual([]);
    // The slot was freed: the only slot of this user can be taken again.
    await submitted(f);
    expect(f.sender.to('conn-a').map((m) => m.type)).toEqual(['accepted', 'completed', 'accepted']);
  });

  it('posts the outcome before it frees the slot, and frees it even when the post throws', async () => {
    const f = await fixture({ maxRunningPerUser: 1 });
    const { statementId, statementName } = await submitted(f);
    const heldAtPost: string[][] = [];
    const send = f.sender.send.bind(f.sender);
    f.sender.send = async () => {
      heldAtPost.push(await f.registry.slots.held(alice.userId));
      throw new Error('socket stand-in exploded');
    };
    expect(await notifyStatement(f.deps, exampleEvent(statementId, statementName, 'FINISHED', 2))).toBe('delivered');
    expect(heldAtPost).toEqual([[expect.stringContaining('.')]]);
    expect(await f.registry.slots.held(alice.userId)).toEqual([]);
    f.sender.send = send;
  });

  it('records an event that overtook the statement id, and a later attach keeps it', async () => {
    const f = await fixture();
    await f.deps.registry.connections.put({ connectionId: 'conn-a', userId: alice.userId, groups: [] });
    const pending = await f.registry.subscriptions.createPending({ requestId: 'r9', connectionId: 'conn-a', topic: 'trips', userId: alice.userId, reportId: 'trips-per-day' });
    const statementId = '00000000-0000-4000-8000-000000000099';
    expect(await notifyStatement(f.deps, exampleEvent(statementId, statementNameFor('trips-per-day', pending.key), 'FINISHED', 5))).toBe('delivered');
    expect(await f.registry.subscriptions.attachStatement(pending.key, statementId)).toMatchObject({ state: 'finished', statementId });
    expect(await notifyStatement(f.deps, exampleEvent('00000000-0000-4000-8000-000000000098', statementNameFor('trips-per-day', pending.key), 'FINISHED', 5))).toBe('ignored');
    expect(outcomes(f)).toEqual([expect.objectContaining({ type: 'completed', statementId, rowCount: 5 })]);
  });

  it('reads the second documented detail shape (pages, queryId, ISO expireAt)', async () => {
    const f = await fixture();
    const { statementId, statementName } = await submitted(f);
    f.runner.finished(statementId, 7);
    const event = { detail: { statementId, clusterId: 'c', statementName, state: 'FINISHED', pages: 5, expireAt: '2020-12-22T18:43:48Z', principal: 'p', queryId: 123456 } };
    await notifyStatement(f.deps, event);
    expect(outcomes(f)).toEqual([expect.objectContaining({ type: 'completed', rowCount: 7 })]);
  });

  it('pushes failed with the warehouse message, and aborted without asking the warehouse', async () => {
    const f = await fixture();
    const failing = await submitted(f);
    f.runner.failed(failing.statementId, 'column "nope" does not exist');
    await notifyStatement(f.deps, exampleEvent(failing.statementId, failing.statementName, 'FAILED'));
    const cancelled = await submitted(f);
    await notifyStatement(f.deps, exampleEvent(cancelled.statementId, cancelled.statementName, 'ABORTED'));
    expect(outcomes(f)).toEqual([
      expect.objectContaining({ type: 'failed', statementId: failing.statementId, error: { code: 'query_failed', message: 'column "nope" does not exist' } }),
      expect.objectContaining({ type: 'aborted', statementId: cancelled.statementId }),
    ]);
  });

  it('drops a gone connection (410) from the registry and keeps the outcome', async () => {
    const f = await fixture();
    const { statementId, statementName } = await submitted(f);
    f.sender.gone.add('conn-a');
    f.runner.finished(statementId, 3);
    await notifyStatement(f.deps, exampleEvent(statementId, statementName, 'FINISHED'));
    expect(await f.registry.connections.get('conn-a')).toBeUndefined();
    expect((await f.registry.subscriptions.getByStatementId(statementId))?.outcome).toEqual({ state: 'finished', rowCount: 3 });
  });

  it('ignores events of statements Redwire did not name, and of a key whose statement differs', async () => {
    const f = await fixture();
    const { statementName } = await submitted(f);
    expect(await notifyStatement(f.deps, exampleEvent('x-1', 'someone-else:query', 'FINISHED'))).toBe('ignored');
    expect(await notifyStatement(f.deps, exampleEvent('x-2', statementName, 'FINISHED'))).toBe('ignored');
    expect(await notifyStatement(f.deps, { detail: { statementId: 'x-3', statementName, state: 'STARTED' } })).toBe('ignored');
    expect(outcomes(f)).toEqual([]);
  });

  it('throws when the warehouse cannot be asked, leaving the subscription open so the retried event still delivers', async () => {
    const f = await fixture();
    const { statementId, statementName } = await submitted(f);
    const describe = f.runner.describe.bind(f.runner);
    f.runner.describe = async () => {
      throw new Error('DescribeStatement timed out');
    };
    await expect(notifyStatement(f.deps, exampleEvent(statementId, statementName, 'FINISHED'))).rejects.toThrow('timed out');
    expect((await f.registry.subscriptions.getByStatementId(statementId))?.state).toBe('running');
    f.runner.describe = describe;
    f.runner.finished(statementId, 4);
    expect(await notifyStatement(f.deps, exampleEvent(statementId, statementName, 'FINISHED'))).toBe('delivered');
    expect(outcomes(f)).toEqual([expect.objectContaining({ type: 'completed', rowCount: 4 })]);
  });
});
