import { describe, expect, it } from 'vitest';
import { newSubscription, useLocalRegistry } from '../test/registry-fixture.js';
import { SUBSCRIPTION_TTL_SECONDS } from './model.js';

const local = useLocalRegistry();
const STATEMENT = 'd9b6c0c2-4a4e-4c1e-9d0e-6f1f6a000001';

describe('subscriptions: submit path', () => {
  it('writes a pending subscription under a fresh key before any statement exists', async () => {
    const { registry, clock } = await local.registry();
    const created = await registry.subscriptions.createPending(newSubscription());
    expect(created).toMatchObject({ state: 'pending', userId: 'user-a', topic: 'trips', createdAt: clock.now().toISOString() });
    expect(created.ttl).toBe(Math.floor(clock.now().getTime() / 1000) + SUBSCRIPTION_TTL_SECONDS);
    expect(created.statementId).toBeUndefined();
    expect(await registry.subscriptions.get(created.key)).toEqual(created);
  });

  it('attaches the statement id, marks it running, and finds it by statement id', async () => {
    const { registry } = await local.registry();
    const { key } = await registry.subscriptions.createPending(newSubscription());
    const running = await registry.subscriptions.attachStatement(key, STATEMENT);
    expect(running).toMatchObject({ key, state: 'running', statementId: STATEMENT });
    expect(await registry.subscriptions.getByStatementId(STATEMENT)).toEqual(running);
    expect(await registry.subscriptions.getByStatementId('unknown')).toBeUndefined();
  });

  it('keeps the outcome when the event overtakes the statement id', async () => {
    const { registry } = await local.registry();
    const { key } = await registry.subscriptions.createPending(newSubscription());
    await registry.subscriptions.finish(key, { state: 'finished', rowCount: 31 });
    const attached = await registry.subscriptions.attachStatement(key, STATEMENT);
    expect(attached).toMatchObject({ state: 'finished', statementId: STATEMENT, outcome: { state: 'finished', rowCount: 31 } });
  });

  it('refuses to attach to an unknown key or a second statement id, creating nothing', async () => {
    const { registry } = await local.registry();
    await expect(registry.subscriptions.attachStatement('AAAAAAAAAAAAAAAAAAAAAA', STATEMENT)).rejects.toMatchObject({ code: 'subscription_not_found' });
    expect(await registry.subscriptions.get('AAAAAAAAAAAAAAAAAAAAAA')).toBeUndefined();
    const { key } = await registry.subscriptions.createPending(newSubscription());
    await registry.subscriptions.attachStatement(key, STATEMENT);
    await expect(registry.subscriptions.attachStatement(key, 'other-statement')).rejects.toMatchObject({ code: 'subscription_not_found' });
    await expect(registry.subscriptions.attachStatement('not a key', STATEMENT)).rejects.toMatchObject({ code: 'invalid_argument' });
  });

  it('lists many topics and statements of one connection without mixing connections', async () => {
    const { registry } = await local.registry();
    const a1 = await registry.subscriptions.createPending(newSubscription({ topic: 'left' }));
    const a2 = await registry.subscriptions.createPending(newSubscription({ topic: 'right' }));
    await registry.subscriptions.createPending(newSubscription({ connectionId: 'conn-b', userId: 'user-b' }));
    await registry.connections.put({ connectionId: 'conn-a', userId: 'user-a', groups: [] });
    const listed = await registry.subscriptions.listByConnection('conn-a');
    expect(listed.map((s) => s.key).sort()).toEqual([a1.key, a2.key].sort());
  });

  it('stores only the known subscription fields', async () => {
    const { registry } = await local.registry();
    const sneaky = { ...newSubscription(), state: 'finished', sql: 'DROP TABLE x' } as ReturnType<typeof newSubscription>;
    const created = await registry.subscriptions.createPending(sneaky);
    const stored = await registry.subscriptions.get(created.key);
    expect(stored?.state).toBe('pending');
    expect(stored).not.toHaveProperty('sql');
  });

  it('rejects incomplete input with a typed error and writes nothing', async () => {
    const { registry } = await local.registry();
    await expect(registry.subscriptions.createPending(newSubscription({ topic: '' }))).rejects.toMatchObject({ code: 'invalid_argument' });
    expect(await registry.slots.held('user-a')).toEqual([]);
    expect(await registry.subscriptions.listByConnection('conn-a')).toEqual([]);
  });
});

describe('subscriptions: final state', () => {
  it('sets the final state once and reports who won', async () => {
    const { registry, clock } = await local.registry();
    const { key } = await registry.subscriptions.createPending(newSubscription());
    await registry.subscriptions.attachStatement(key, STATEMENT);
    clock.advance(5);
    const first = await registry.subscriptions.finish(key, { state: 'finished', rowCount: 31 });
    const second = await registry.subscriptions.finish(key, { state: 'failed', error: { code: 'query_failed', message: 'late' } });
    expect(first).toMatchObject({ won: true, subscription: { state: 'finished', outcome: { state: 'finished', rowCount: 31 }, finishedAt: clock.now().toISOString() } });
    expect(second).toMatchObject({ won: false, subscription: { state: 'finished', outcome: { state: 'finished', rowCount: 31 } } });
  });

  it('lets exactly one of 20 parallel finishes win and frees the slot once', async () => {
    const { registry } = await local.registry({ maxRunningPerUser: 2 });
    const { key } = await registry.subscriptions.createPending(newSubscription());
    await registry.subscriptions.attachStatement(key, STATEMENT);
    const other = await registry.subscriptions.createPending(newSubscription({ topic: 'other' }));
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => registry.subscriptions.finish(key, i % 2 ? { state: 'aborted' } : { state: 'finished', rowCount: i })),
    );
    const winners = results.filter((r) => r.won);
    expect(winners).toHaveLength(1);
    const final = await registry.subscriptions.get(key);
    expect(final?.outcome).toEqual(winners[0]?.subscription.outcome);
    for (const r of results) expect(r.subscription.outcome).toEqual(final?.outcome);
    expect(await registry.slots.held('user-a')).toEqual([other.slot]);
  });

  it('records failures with their error and fails cleanly for unknown keys', async () => {
    const { registry } = await local.registry();
    const { key } = await registry.subscriptions.createPending(newSubscription());
    const failed = await registry.subscriptions.finish(key, { state: 'failed', error: { code: 'query_failed', message: 'relation "x" does not exist' } }, STATEMENT);
    expect(failed.subscription).toMatchObject({ state: 'failed', statementId: STATEMENT, outcome: { error: { code: 'query_failed' } } });
    await expect(registry.subscriptions.finish('BBBBBBBBBBBBBBBBBBBBBB', { state: 'aborted' })).rejects.toMatchObject({ code: 'subscription_not_found' });
    expect(await registry.subscriptions.get('BBBBBBBBBBBBBBBBBBBBBB')).toBeUndefined();
  });
});

describe('subscriptions: finishOnce (the notify path)', () => {
  it('wins once in one write, keeps the slot until released, and refuses another statement', async () => {
    const { registry } = await local.registry();
    const { key, slot } = await registry.subscriptions.createPending(newSubscription());
    await registry.subscriptions.attachStatement(key, STATEMENT);
    const foreign = await registry.subscriptions.finishOnce(key, { state: 'aborted' }, 'd9b6c0c2-4a4e-4c1e-9d0e-6f1f6a000002');
    expect(foreign).toMatchObject({ won: false, subscription: { state: 'running', statementId: STATEMENT } });
    const won = await registry.subscriptions.finishOnce(key, { state: 'finished', rowCount: 3 }, STATEMENT);
    expect(won).toMatchObject({ won: true, subscription: { state: 'finished', outcome: { state: 'finished', rowCount: 3 } } });
    expect(await registry.slots.held('user-a')).toEqual([slot]);
    const again = await registry.subscriptions.finishOnce(key, { state: 'aborted' }, STATEMENT);
    expect(again).toMatchObject({ won: false, subscription: { state: 'finished', outcome: { state: 'finished', rowCount: 3 } } });
    await registry.subscriptions.releaseSlot(won.subscription as NonNullable<typeof won.subscription>);
    await registry.subscriptions.releaseSlot(won.subscription as NonNullable<typeof won.subscription>);
    expect(await registry.slots.held('user-a')).toEqual([]);
  });

  it('records the statement id of an event that overtook it, and says when there is no subscription', async () => {
    const { registry } = await local.registry();
    const { key } = await registry.subscriptions.createPending(newSubscription());
    expect(await registry.subscriptions.finishOnce(key, { state: 'finished', rowCount: 1 }, STATEMENT)).toMatchObject({ won: true, subscription: { statementId: STATEMENT } });
    expect(await registry.subscriptions.getByStatementId(STATEMENT)).toMatchObject({ key, state: 'finished' });
    expect(await registry.subscriptions.finishOnce('BBBBBBBBBBBBBBBBBBBBBB', { state: 'aborted' }, STATEMENT)).toEqual({ won: false, subscription: undefined });
  });
});

describe('subscriptions: disconnect, resume and the sweeper', () => {
  it('orphans only the open subscriptions of a closed connection', async () => {
    const { registry, clock } = await local.registry();
    const open = await registry.subscriptions.createPending(newSubscription());
    const done = await registry.subscriptions.createPending(newSubscription({ topic: 'done' }));
    await registry.subscriptions.finish(done.key, { state: 'finished', rowCount: 1 });
    const elsewhere = await registry.subscriptions.createPending(newSubscription({ connectionId: 'conn-b' }));
    clock.advance(10);
    const marked = await registry.subscriptions.orphanConnection('conn-a');
    expect(marked.map((s) => s.key)).toEqual([open.key]);
    expect(marked[0]?.orphanedSince).toBe(clock.now().toISOString());
    expect((await registry.subscriptions.get(elsewhere.key))?.orphanedSince).toBeUndefined();
  });

  it('finds orphaned subscriptions past the grace period and open ones older than a limit, without final ones', async () => {
    const { registry, clock } = await local.registry();
    const old = await registry.subscriptions.createPending(newSubscription());
    clock.advance(60);
    const recent = await registry.subscriptions.createPending(newSubscription({ connectionId: 'conn-b' }));
    const finished = await registry.subscriptions.createPending(newSubscription({ connectionId: 'conn-c' }));
    await registry.subscriptions.finish(finished.key, { state: 'finished', rowCount: 0 });
    await registry.subscriptions.orphanConnection('conn-b');
    clock.advance(30);

    const openBefore = await registry.subscriptions.listOpenCreatedBefore(new Date(clock.now().getTime() - 45_000));
    expect(openBefore.map((s) => s.key)).toEqual([old.key]);
    expect(await registry.subscriptions.listOrphanedBefore(new Date(clock.now().getTime() - 120_000))).toEqual([]);
    clock.advance(120);
    const orphaned = await registry.subscriptions.listOrphanedBefore(new Date(clock.now().getTime() - 120_000));
    expect(orphaned.map((s) => s.key)).toEqual([recent.key]);
    expect((await registry.subscriptions.listOpenCreatedBefore(clock.now(), 1)).map((s) => s.key)).toEqual([old.key]);
  });

  it('re-attaches the owner’s subscriptions to a new connection and clears the orphan mark', async () => {
    const { registry } = await local.registry();
    const running = await registry.subscriptions.createPending(newSubscription());
    await registry.subscriptions.attachStatement(running.key, STATEMENT);
    const done = await registry.subscriptions.createPending(newSubscription({ topic: 'done' }));
    await registry.subscriptions.attachStatement(done.key, 'statement-done');
    await registry.subscriptions.finish(done.key, { state: 'finished', rowCount: 7 });
    await registry.subscriptions.orphanConnection('conn-a');

    const results = await registry.subscriptions.resume('user-a', 'conn-new', [STATEMENT, 'statement-done']);
    expect(results).toMatchObject([
      { statementId: STATEMENT, subscription: { connectionId: 'conn-new', state: 'running' } },
      { statementId: 'statement-done', subscription: { connectionId: 'conn-new', outcome: { rowCount: 7 } } },
    ]);
    expect(results[0]?.subscription?.orphanedSince).toBeUndefined();
    expect(await registry.subscriptions.listOrphanedBefore(new Date('2100-01-01'))).toEqual([]);
    expect((await registry.subscriptions.listOpenCreatedBefore(new Date('2100-01-01'))).map((s) => s.key)).toEqual([running.key]);
  });

  it('does not let another user resume someone else’s statement', async () => {
    const { registry } = await local.registry();
    const { key } = await registry.subscriptions.createPending(newSubscription());
    await registry.subscriptions.attachStatement(key, STATEMENT);
    const results = await registry.subscriptions.resume('user-b', 'conn-b', [STATEMENT, 'unknown-statement']);
    expect(results).toEqual([{ statementId: STATEMENT }, { statementId: 'unknown-statement' }]);
    expect((await registry.subscriptions.get(key))?.connectionId).toBe('conn-a');
  });
});
