/** `YYYY-MM` with a month 01–12. */
export const MONTH_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])$/;
/** `YYYY-MM-DD` in form; {@link isCalendarDate} also checks the day exists. */
export const DATE_PATTERN = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

const MS_PER_DAY = 86_400_000;

/** True for a `YYYY-MM` string naming a real month. */
export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/** True for a `YYYY-MM-DD` string naming a day that exists in the Gregorian calendar (2015-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_PATTERN.test(value)) return false;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days from `from` to `to` (both valid `YYYY-MM-DD`), counted in UTC so no time zone shifts them. */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / MS_PER_DAY);
}

function utcMidnight(value: string): number {
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return date.getTime();
}
