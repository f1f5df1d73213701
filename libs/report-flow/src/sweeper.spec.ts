import { describe, expect, it } from 'vitest';
import { alice, useFlowFixture, type FlowFixture } from '../test/flow-fixture.js';
import { handleMessage } from './handle-message.js';
import { sweep } from './sweeper.js';

const fixture = useFlowFixture();

class Clock {
  at = new Date('2026-11-28T10:00:00.000Z');
  readonly now = () => new Date(this.at);
  advance(seconds: number) {
    this.at = new Date(this.at.getTime() + seconds * 1000);
  }
}

async function setup(options: { maxRunningPerUser?: number } = {}) {
  const clock = new Clock();
  const f = await fixture({ ...options, now: clock.now });
  return { f, clock };
}

async function submit(f: FlowFixture, connectionId = 'conn-a'): Promise<string> {
  await handleMessage(f.deps, { connectionId, identity: alice, isBase64Encoded: false, body: JSON.stringify({ action: 'submit', requestId: 'r1', topic: 't', report: 'trips-per-day', params: { month: '2015-12' } }) });
  const accepted = f.sender.to(connectionId).findLast((m) => m.type === 'accepted');
  return (accepted as { statementId: string }).statementId;
}

describe('sweeper', () => {
  it('delivers the outcome of a statement whose event was lost, once', async () => {
    const { f, clock } = await setup();
    const statementId = await submit(f);
    f.runner.finished(statementId, 12);
    clock.advance(30);
    expect(await sweep(f.deps, { abandonGraceSeconds: 120 })).toMatchObject({ settled: 1, cancelled: 0, errors: 0 });
    expect(await sweep(f.deps, { abandonGraceSeconds: 120 })).toMatchObject({ checked: 0 });
    expect(f.sender.to('conn-a').filter((m) => m.type === 'completed')).toEqual([expect.objectContaining({ statementId, rowCount: 12 })]);
  });

  it('leaves running statements alone', async () => {
    const { f, clock } = await setup();
    await submit(f);
    clock.advance(30);
    expect(await sweep(f.deps, { abandonGraceSeconds: 120 })).toMatchObject({ checked: 1, settled: 0 });
    expect(f.runner.cancelled).toEqual([]);
  });

  it('cancels a statement abandoned longer than the grace period and frees its slot', async () => {
    const { f, clock } = await setup({ maxRunningPerUser: 1 });
    const statementId = await submit(f);
    await f.registry.subscriptions.orphanConnection('conn-a');
    clock.advance(60);
    expect(await sweep(f.deps, { abandonGraceSeconds: 120 })).toMatchObject({ cancelled: 0 });
    expect(f.runner.cancelled).toEqual([]);
    clock.advance(61);
    expect(await sweep(f.deps, { abandonGraceSeconds: 120 })).toMatchObject({ cancelled: 1, settled: 1 });
    expect(f.runner.cancelled).toEqual([statementId]);
    expect((await f.registry.subscriptions.getByStatementId(statementId))?.state).toBe('aborted');
    await submit(f, 'conn-b');
    expect(f.sender.to('conn-b')[0]).toMatchObject({ type: 'accepted' });
  });
});
