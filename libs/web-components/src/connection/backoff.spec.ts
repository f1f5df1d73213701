import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('reconnect backoff', () => {
  const options = { initialMs: 500, maxMs: 30_000 };

  it('doubles the ceiling per attempt and keeps at least half of it', () => {
    expect(backoffDelay(0, { ...options, random: () => 0 })).toBe(250);
    expect(backoffDelay(0, { ...options, random: () => 1 })).toBe(500);
    expect(backoffDelay(3, { ...options, random: () => 0 })).toBe(2000);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(backoffDelay(50, { ...options, random: () => 1 })).toBe(30_000);
    expect(backoffDelay(1000, { ...options, random: () => 0.5 })).toBe(22_500);
  });
});
