import { describe, expect, it } from 'vitest';
import { ENV, functionByName, functions, registryTable, statementStatusRule, websocketRoutes } from './index.js';

describe('system topology', () => {
  it('gives every WebSocket route exactly one handler', () => {
    const handled = functions.flatMap((f) => (f.trigger.kind === 'websocket-route' ? f.trigger.routes : []));
    expect([...handled].sort()).toEqual([...websocketRoutes].sort());
  });

  it('names functions uniquely and derives entry and bundle from the name', () => {
    const names = functions.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect(functionByName('notify')).toMatchObject({ entry: 'apps/notify/src/main.ts', bundle: 'dist/apps/notify/main.mjs' });
    expect(() => functionByName('nope')).toThrow(/unknown function nope/);
  });

  it('routes only Redwire statements to notify', () => {
    expect(statementStatusRule.eventPattern['detail']).toMatchObject({ statementName: [{ prefix: 'redwire:' }] });
    expect(functionByName('notify').trigger).toEqual({ kind: 'event-rule', rule: statementStatusRule.name });
  });

  it('gives every function that touches statements the shared runner role', () => {
    for (const f of functions) {
      if (f.needs.includes('statements:run')) expect(f.role, f.name).toBe('statement-runner');
    }
  });

  it('only uses declared environment names', () => {
    const declared = new Set<string>(Object.values(ENV));
    for (const f of functions) for (const e of f.environment) expect(declared.has(e), `${f.name}: ${e}`).toBe(true);
  });

  it('indexes subscriptions by statement id, by connection, and (sparsely) for the sweeper', () => {
    expect(registryTable.globalSecondaryIndexes.map((i) => i.partitionKey)).toEqual(['statementId', 'connectionId', 'sweep']);
    expect(registryTable.ttlAttribute).toBe('ttl');
  });
});
