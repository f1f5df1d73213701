import { describe, expect, it } from 'vitest';
import { useLocalRegistry } from '../test/registry-fixture.js';
import { CONNECTION_TTL_SECONDS } from './model.js';
import { RegistryError } from './registry-error.js';

const local = useLocalRegistry();

describe('connections', () => {
  it('registers a connection with its user, groups and a TTL, and reads it back', async () => {
    const { registry, clock } = await local.registry();
    const stored = await registry.connections.put({ connectionId: 'c-1', userId: 'u-1', groups: ['analysts'] });
    expect(stored).toEqual({
      connectionId: 'c-1',
      userId: 'u-1',
      groups: ['analysts'],
      connectedAt: clock.now().toISOString(),
      ttl: Math.floor(clock.now().getTime() / 1000) + CONNECTION_TTL_SECONDS,
    });
    expect(await registry.connections.get('c-1')).toEqual(stored);
  });

  it('forgets a deleted connection, and deleting twice is fine', async () => {
    const { registry } = await local.registry();
    await registry.connections.put({ connectionId: 'c-1', userId: 'u-1', groups: [] });
    await registry.connections.delete('c-1');
    await registry.connections.delete('c-1');
    expect(await registry.connections.get('c-1')).toBeUndefined();
  });

  it('rejects empty ids with a typed error', async () => {
    const { registry } = await local.registry();
    await expect(registry.connections.put({ connectionId: '', userId: 'u', groups: [] })).rejects.toThrow(RegistryError);
    await expect(registry.connections.get('')).rejects.toMatchObject({ code: 'invalid_argument' });
  });
});
