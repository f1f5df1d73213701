import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { newSubscription, useLocalRegistry } from '../test/registry-fixture.js';

const local = useLocalRegistry();

describe('per-user running slots', () => {
  it('admits exactly 5 of 10 parallel submits and refuses the rest with too_many_statements', async () => {
    const { registry } = await local.registry({ maxRunningPerUser: 5 });
    const settled = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => registry.subscriptions.createPending(newSubscription({ requestId: `r-${i}` }))),
    );
    const admitted = settled.filter((s) => s.status === 'fulfilled');
    const refused = settled.filter((s): s is PromiseRejectedResult => s.status === 'rejected');
    expect(admitted).toHaveLength(5);
    expect(refused).toHaveLength(5);
    for (const r of refused) expect(r.reason).toMatchObject({ name: 'RegistryError', code: 'too_many_statements' });
    expect(await registry.slots.held('user-a')).toHaveLength(5);
    expect(await registry.subscriptions.listByConnection('conn-a')).toHaveLength(5);
  });

  it('counts each user separately', async () => {
    const { registry } = await local.registry({ maxRunningPerUser: 1 });
    await registry.subscriptions.createPending(newSubscription());
    await expect(registry.subscriptions.createPending(newSubscription())).rejects.toMatchObject({ code: 'too_many_statements' });
    await expect(registry.subscriptions.createPending(newSubscription({ userId: 'user-b' }))).resolves.toMatchObject({ state: 'pending' });
  });

  it('frees a slot when its statement finishes, so the next submit is admitted', async () => {
    const { registry } = await local.registry({ maxRunningPerUser: 1 });
    const first = await registry.subscriptions.createPending(newSubscription());
    await registry.subscriptions.finish(first.key, { state: 'finished', rowCount: 1 });
    await registry.subscriptions.finish(first.key, { state: 'finished', rowCount: 1 });
    expect(await registry.slots.held('user-a')).toEqual([]);
    await expect(registry.subscriptions.createPending(newSubscription())).resolves.toMatchObject({ state: 'pending' });
  });

  it('heals a slot left behind by a crash after the final write', async () => {
    const { registry, tableName } = await local.registry({ maxRunningPerUser: 1 });
    const first = await registry.subscriptions.createPending(newSubscription());
    // Simulate a crash between the final write and the release: finish, then take the slot back.
    await registry.subscriptions.finish(first.key, { state: 'finished', rowCount: 1 });
    await local.client.send(
      new PutCommand({ TableName: tableName, Item: { pk: 'user#user-a', sk: 'slots', held: new Set([first.slot]) } }),
    );
    expect(await registry.slots.held('user-a')).toEqual([first.slot]);
    await expect(registry.subscriptions.createPending(newSubscription())).resolves.toMatchObject({ state: 'pending' });
    expect(await registry.slots.held('user-a')).not.toContain(first.slot);
  });

  it('frees a slot whose subscription never appeared, but only after a minute', async () => {
    const { registry, clock } = await local.registry({ maxRunningPerUser: 1 });
    await registry.slots.acquire('user-a', 'CCCCCCCCCCCCCCCCCCCCCC');
    await expect(registry.subscriptions.createPending(newSubscription())).rejects.toMatchObject({ code: 'too_many_statements' });
    clock.advance(61);
    await expect(registry.subscriptions.createPending(newSubscription())).resolves.toMatchObject({ state: 'pending' });
  });

  it('releases a slot that is not held, or of an unknown user, without error', async () => {
    const { registry } = await local.registry();
    await registry.slots.release('nobody', '1.x');
    expect(await registry.slots.held('nobody')).toEqual([]);
  });
});
