/**
 * Shapes of the synthetic 2015 NYC yellow-taxi year, loosely after the public
 * TLC trip records: monthly volume, weekday and hour-of-day profiles, holidays.
 */

/** Relative trips per month (2015 had more in spring, fewer in late summer). */
export const MONTH_WEIGHTS = [12.7, 12.4, 13.3, 13.1, 13.2, 12.3, 11.6, 11.1, 11.2, 12.3, 11.3, 11.5];

/** Relative trips per weekday, 0 = Sunday … 6 = Saturday. */
export const WEEKDAY_WEIGHTS = [0.88, 0.85, 0.95, 1.0, 1.07, 1.1, 1.08];

/** Quieter days: the late-January blizzard and public holidays. */
export const DAY_FACTORS: Record<string, number> = {
  '2015-01-01': 0.9, '2015-01-26': 0.6, '2015-01-27': 0.35, '2015-05-25': 0.7, '2015-07-04': 0.6,
  '2015-09-07': 0.7, '2015-11-26': 0.55, '2015-12-24': 0.7, '2015-12-25': 0.5, '2015-12-31': 0.9,
};

/** Hour-of-day profile on weekdays: morning and evening peaks. */
export const WEEKDAY_HOURS = [3.0, 2.0, 1.4, 1.0, 0.8, 0.9, 2.2, 3.8, 4.6, 4.6, 4.4, 4.6, 4.9, 4.9, 5.1, 5.0, 4.3, 5.2, 6.2, 6.4, 5.8, 5.6, 5.4, 4.6];

/** Hour-of-day profile on weekends: late nights, late mornings. */
export const WEEKEND_HOURS = [5.5, 4.6, 3.8, 2.8, 1.8, 1.0, 0.9, 1.2, 1.8, 2.6, 3.4, 4.0, 4.5, 4.6, 4.6, 4.5, 4.4, 4.5, 4.8, 4.8, 4.5, 4.6, 4.9, 5.2];

/** Typical speed in mph per hour of day (Manhattan traffic). */
export const HOUR_SPEEDS = [17, 18, 19, 20, 20, 18, 14, 11, 9.5, 9.5, 10, 10, 10, 10, 10, 9.5, 10, 10, 10.5, 11.5, 12.5, 13.5, 14.5, 15.5];

/** [value, weight] tables, sampled through a 1000-slot lookup list. */
export const PAYMENT_TYPES: [number, number][] = [[1, 620], [2, 370], [3, 6], [4, 4]];
export const PASSENGER_COUNTS: [number, number][] = [[1, 700], [2, 140], [3, 40], [4, 20], [5, 60], [6, 40]];
/** 1 standard, 2 JFK (flat fare), 3 Newark, 4 Nassau/Westchester, 5 negotiated. */
export const RATE_CODES: [number, number][] = [[1, 966], [2, 22], [3, 3], [4, 2], [5, 7]];

/**
 * A SQL CASE that maps `slot` (uniform in 0..999) to a value with the given
 * weights. CASE over a few thresholds is vectorized; a 1000-slot list literal
 * indexed per row was ~20x slower in DuckDB.
 */
export function weightedCase(slot: string, entries: [number, number][]): string {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let cumulative = 0;
  const branches = entries.slice(0, -1).map(([value, weight]) => {
    cumulative += weight;
    return `WHEN ${slot} < ${Math.round((cumulative / total) * 1000)} THEN ${value}`;
  });
  return `CASE ${branches.join(' ')} ELSE ${entries.at(-1)?.[0] ?? 0} END`;
}

export function hourCase(slot: string, weights: number[]): string {
  return weightedCase(slot, weights.map((weight, hour) => [hour, weight]));
}

/** A CASE mapping `index` 0..n-1 to `values[index]`. */
export function valueCase(index: string, values: number[]): string {
  return `CASE ${index} ${values.map((value, i) => `WHEN ${i} THEN ${value}`).join(' ')} END`;
}
