import { describe, expect, it } from 'vitest';
import { sweeperSchedule } from '@redwire/system';
import { rateIntervalMs, ScheduleExpressionError } from './schedule-expression.js';

describe('rateIntervalMs', () => {
  it("reads the sweeper's schedule from libs/system", () => {
    expect(rateIntervalMs(sweeperSchedule.expression)).toBe(60_000);
  });

  it.each([
    ['rate(5 minutes)', 300_000],
    ['rate(1 hour)', 3_600_000],
    ['rate(2 days)', 172_800_000],
  ])('reads %s', (expression, ms) => {
    expect(rateIntervalMs(expression)).toBe(ms);
  });

  it.each(['rate(1 minutes)', 'rate(2 minute)', 'rate(0 minutes)', 'cron(0 * * * ? *)', 'every minute'])('refuses %s', (expression) => {
    expect(() => rateIntervalMs(expression)).toThrow(ScheduleExpressionError);
  });
});
