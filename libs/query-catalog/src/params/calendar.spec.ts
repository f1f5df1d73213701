import { describe, expect, it } from 'vitest';
import { daysBetween, isCalendarDate, isMonth } from './calendar.js';

describe('calendar', () => {
  it('accepts YYYY-MM months 01 to 12 only', () => {
    expect(['2015-01', '2015-12', '0001-06'].every(isMonth)).toBe(true);
    expect(['2015-00', '2015-13', '2015-1', '15-01', '2015-01-01', ' 2015-01', '2015/01'].some(isMonth)).toBe(false);
  });

  it('accepts only days that exist, leap years included', () => {
    expect(['2015-02-28', '2016-02-29', '2000-02-29', '2015-12-31', '0099-01-01'].every(isCalendarDate)).toBe(true);
    expect(['2015-02-29', '1900-02-29', '2015-02-30', '2015-04-31', '2015-13-01', '2015-1-01', '2015-01-1', '2015-01-00'].some(isCalendarDate)).toBe(false);
  });

  it('counts days between dates in UTC, across month and year ends', () => {
    expect(daysBetween('2015-01-01', '2015-01-01')).toBe(0);
    expect(daysBetween('2015-01-31', '2015-02-01')).toBe(1);
    expect(daysBetween('2015-01-01', '2015-12-31')).toBe(364);
    expect(daysBetween('2015-12-31', '2016-01-01')).toBe(1);
    expect(daysBetween('2015-03-07', '2015-03-09')).toBe(2); // US daylight saving starts on the 8th
  });
});
