import { describe, expect, it } from 'vitest';
import { share } from './load-fleet.js';

describe('share', () => {
  it('splits clients over processes so the parts add up and differ by at most one', () => {
    const parts = [0, 1, 2, 3].map((i) => share(10_002, 4, i));
    expect(parts).toEqual([2501, 2501, 2500, 2500]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(10_002);
  });

  it('gives nothing to a process when there are fewer clients than processes', () => {
    expect([0, 1, 2, 3].map((i) => share(2, 4, i))).toEqual([1, 1, 0, 0]);
  });
});
