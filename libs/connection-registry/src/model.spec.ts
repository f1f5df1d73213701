import { describe, expect, it } from 'vitest';
import { isSubscriptionKey, newSubscriptionKey, parseStatementName, statementNameFor } from './model.js';

describe('subscription keys and statement names', () => {
  it('makes random URL-safe keys', () => {
    const keys = new Set(Array.from({ length: 1000 }, newSubscriptionKey));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('round-trips the report and key through the statement name', () => {
    const key = newSubscriptionKey();
    const name = statementNameFor('trips-per-day', key);
    expect(name).toBe(`redwire:trips-per-day:${key}`);
    expect(parseStatementName(name)).toEqual({ reportId: 'trips-per-day', key });
  });

  it('ignores names Redwire did not give', () => {
    for (const name of [undefined, '', 'other:trips:abcdefghijklmnopqrstuv', 'redwire:', 'redwire::abcdefghijklmnopqrstuv', 'redwire:trips:short', 'redwire:trips:has spaces in it!!'])
      expect(parseStatementName(name), String(name)).toBeUndefined();
    expect(isSubscriptionKey('x'.repeat(65))).toBe(false);
  });
});
