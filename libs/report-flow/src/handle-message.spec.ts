import { parseStatementName } from '@redwire/connection-registry';
import { WarehouseError } from '@redwire/warehouse';
import { describe, expect, it } from 'vitest';
import { alice, bob, useFlowFixture, present } from '../test/flow-fixture.js';
import { handleMessage } from './handle-message.js';

const fixture = useFlowFixture();
const frame = (body: unknown, identity: typeof alice | undefined = alice, connectionId = 'conn-a') => ({
  connectionId,
  identity,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  isBase64Encoded: false,
});
const submit = (overrides: Record<string, unknown> = {}) => ({ action: 'submit', requestId: 'r1', topic: 'trips', report: 'trips-per-day', params: { month: '2015-12' }, ...overrides });

describe('submit', () => {
  it('writes the subscription, runs the catalog SQL with bound parameters and a named event, and sends accepted', async () => {
    const { deps, runner, sender, registry } = await fixture();
    await handleMessage(deps, frame(submit()));
    expect(runner.executed).toHaveLength(1);
    const run = present(runner.executed[0], 'ExecuteStatement call');
    expect(run.parameters).toEqual({ month: '2015-12' });
    expect(run.sql).not.toContain('2015-12');
    expect(run.withEvent).toBe(true);
    const name = parseStatementName(run.statementName);
    expect(name?.reportId).toBe('trips-per-day');
    expect(run.clientToken).toBe(name?.key);
    const [accepted] = sender.to('conn-a');
    expect(accepted).toMatchObject({ type: 'accepted', requestId: 'r1', topic: 'trips', statementId: '00000000-0000-4000-8000-000000000001' });
    const subscription = await registry.subscriptions.get(present(name, 'statement name').key);
    expect(subscription).toMatchObject({ state: 'running', statementId: '00000000-0000-4000-8000-000000000001', userId: alice.userId, connectionId: 'conn-a' });
  });

  it.each([
    ['an unknown report', submit({ report: 'no-such-report' }), 'report_not_found'],
    ['a month outside 2015', submit({ params: { month: '2016-01' } }), 'invalid_params'],
    ['an unknown parameter', submit({ params: { month: '2015-12', sql: 'DROP TABLE x' } }), 'invalid_params'],
    ['a report of a group the user is not in', submit({ report: 'admin-only', params: {} }), 'forbidden'],
  ])('refuses %s with one typed error and writes and runs nothing', async (_name, message, code) => {
    const { deps, runner, sender, registry } = await fixture();
    await handleMessage(deps, frame(message));
    expect(sender.to('conn-a')).toEqual([expect.objectContaining({ type: 'error', code, requestId: 'r1' })]);
    expect(runner.executed).toEqual([]);
    expect(await registry.subscriptions.listByConnection('conn-a')).toEqual([]);
  });

  it('lets a member of the report group run it', async () => {
    const { deps, sender } = await fixture();
    await handleMessage(deps, frame(submit({ report: 'admin-only', params: {} }), bob, 'conn-b'));
    expect(sender.to('conn-b')[0]).toMatchObject({ type: 'accepted' });
  });

  it('refuses a submit beyond the running slots with too_many_statements', async () => {
    const { deps, runner, sender } = await fixture({ maxRunningPerUser: 1 });
    await handleMessage(deps, frame(submit({ requestId: 'first' })));
    await handleMessage(deps, frame(submit({ requestId: 'second' })));
    expect(sender.to('conn-a').map((m) => m.type)).toEqual(['accepted', 'error']);
    expect(sender.to('conn-a')[1]).toMatchObject({ code: 'too_many_statements', requestId: 'second' });
    expect(runner.executed).toHaveLength(1);
  });

  it('finishes the subscription as failed and frees the slot when ExecuteStatement fails', async () => {
    const { deps, runner, sender, registry } = await fixture({ maxRunningPerUser: 1 });
    runner.failNextExecute = new WarehouseError('unavailable', 'the warehouse is temporarily unavailable');
    await handleMessage(deps, frame(submit({ requestId: 'doomed' })));
    expect(sender.to('conn-a')).toEqual([expect.objectContaining({ type: 'error', code: 'unavailable', requestId: 'doomed' })]);
    const [subscription] = await registry.subscriptions.listByConnection('conn-a');
    expect(subscription?.state).toBe('failed');
    await handleMessage(deps, frame(submit({ requestId: 'retry' })));
    expect(sender.to('conn-a')[1]).toMatchObject({ type: 'accepted', requestId: 'retry' });
  });
});

describe('frames and routes', () => {
  it('answers a malformed frame with invalid_message, echoing a well-formed requestId', async () => {
    const { deps, sender, runner } = await fixture();
    await handleMessage(deps, frame({ action: 'submit', requestId: 'bad-1', topic: 't' }));
    await handleMessage(deps, frame('not json'));
    expect(sender.to('conn-a')).toEqual([
      expect.objectContaining({ type: 'error', code: 'invalid_message', requestId: 'bad-1' }),
      expect.objectContaining({ type: 'error', code: 'invalid_message' }),
    ]);
    expect(runner.executed).toEqual([]);
  });

  it('reads binary frames as UTF-8 JSON', async () => {
    const { deps, sender } = await fixture();
    await handleMessage(deps, { connectionId: 'conn-a', identity: alice, body: Buffer.from('{"action":"ping"}').toString('base64'), isBase64Encoded: true });
    expect(sender.to('conn-a')).toEqual([{ type: 'pong' }]);
  });

  it('refuses messages on a connection without an identity', async () => {
    const { deps, sender } = await fixture();
    await handleMessage(deps, { ...frame({ action: 'ping' }), identity: undefined });
    expect(sender.to('conn-a')).toEqual([expect.objectContaining({ type: 'error', code: 'unauthorized' })]);
  });
});

describe('cancel and resume', () => {
  it('cancels only the caller’s own running statement; others get statement_not_found with the id', async () => {
    const { deps, runner, sender } = await fixture();
    await handleMessage(deps, frame(submit()));
    const statementId = '00000000-0000-4000-8000-000000000001';
    await handleMessage(deps, frame({ action: 'cancel', statementId }, bob, 'conn-b'));
    expect(sender.to('conn-b')).toEqual([expect.objectContaining({ type: 'error', code: 'statement_not_found', statementId })]);
    expect(runner.cancelled).toEqual([]);
    await handleMessage(deps, frame({ action: 'cancel', statementId }));
    expect(runner.cancelled).toEqual([statementId]);
  });

  it('resumes the caller’s statements on the new connection, re-sending finished outcomes', async () => {
    const { deps, sender, registry } = await fixture();
    await handleMessage(deps, frame(submit()));
    const statementId = '00000000-0000-4000-8000-000000000001';
    const subscription = present(await registry.subscriptions.getByStatementId(statementId), 'subscription');
    await registry.subscriptions.finish(subscription.key, { state: 'finished', rowCount: 31 });
    await handleMessage(deps, frame({ action: 'resume', statementIds: [statementId, 'unknown-id'] }, alice, 'conn-new'));
    expect(sender.to('conn-new')).toEqual([
      { type: 'completed', statementId, topic: 'trips', requestId: 'r1', rowCount: 31 },
      expect.objectContaining({ type: 'error', code: 'statement_not_found', statementId: 'unknown-id' }),
    ]);
    expect((await registry.subscriptions.get(subscription.key))?.connectionId).toBe('conn-new');
    await handleMessage(deps, frame({ action: 'resume', statementIds: [statementId] }, bob, 'conn-b'));
    expect(sender.to('conn-b')).toEqual([expect.objectContaining({ code: 'statement_not_found', statementId })]);
  });
});
