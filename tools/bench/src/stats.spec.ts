import { describe, expect, it } from 'vitest';
import { median, NoSamplesError, percentile, round } from './stats.js';

describe('percentile', () => {
  it('takes the nearest rank, so p50 of 1..100 is 50 and p99 is 99', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
  });

  it('gives the single sample for any percentile of one sample', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  it('refuses an empty sample list and a percentile outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow(NoSamplesError);
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('does not reorder the caller’s array', () => {
    const samples = [3, 1, 2];
    percentile(samples, 50);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  it('is the middle value for an odd count and the mean of the middle two for an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses an empty list', () => {
    expect(() => median([])).toThrow(NoSamplesError);
  });
});

describe('round', () => {
  it('keeps the requested decimals', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1234.5678, 0)).toBe(1235);
  });
});
