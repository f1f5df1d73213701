import {
  DAY_FACTORS, HOUR_SPEEDS, MONTH_WEIGHTS, PASSENGER_COUNTS, PAYMENT_TYPES, RATE_CODES, WEEKDAY_HOURS, WEEKDAY_WEIGHTS,
  WEEKEND_HOURS, hourCase, valueCase, weightedCase,
} from './trip-distributions.js';

export const DAYS_TABLE = 'redwire_sample_days';
/** One row per day of 2015 with its share of `rows` trips and the first global row number. */
export function daysTableSql(rows: number): string {
  const monthWeights = `[${MONTH_WEIGHTS.join(',')}]`;
  const weekdayWeights = `[${WEEKDAY_WEIGHTS.join(',')}]`;
  const factors = Object.entries(DAY_FACTORS).map(([day, factor]) => `(DATE '${day}', ${factor})`).join(', ');
  return `
CREATE OR REPLACE TEMP TABLE ${DAYS_TABLE} AS
WITH days AS (
  SELECT CAST(d AS DATE) AS day FROM range(DATE '2015-01-01', DATE '2016-01-01', INTERVAL 1 DAY) r(d)
), weighted AS (
  SELECT day, CAST(dayofweek(day) AS INTEGER) AS dow,
         ${monthWeights}[month(day)] / day(last_day(day)) * ${weekdayWeights}[dayofweek(day) + 1]
           * coalesce(f.factor, 1.0) AS weight
  FROM days LEFT JOIN (VALUES ${factors}) f(fday, factor) ON f.fday = days.day
), bounds AS (
  SELECT day, dow,
         CASE WHEN day = DATE '2015-12-31' THEN ${rows}
              ELSE CAST(round(${rows} * sum(weight) OVER (ORDER BY day) / sum(weight) OVER ()) AS BIGINT) END AS end_row
  FROM weighted
)
SELECT day, dow, coalesce(lag(end_row) OVER (ORDER BY day), 0) AS start_row,
       end_row - coalesce(lag(end_row) OVER (ORDER BY day), 0) AS trips
FROM bounds ORDER BY day`;
}

/**
 * The trips of one month, generated from hashes of the global row number: same rows on every run.
 * Rows come day by day (pickup_date ascending, like a sort key); within a day times are unordered.
 */
export function monthInsertSql(table: string, month: number): string {
  // Three 64-bit hashes per row, sliced into independent digits: hashing is the main cost.
  const digits = (hash: string, from: number, count: number): string =>
    `CAST((${hash} // ${10n ** BigInt(from)}) % ${10 ** count} AS INTEGER)`;
  const uniform = (hash: string, from: number): string => `((${digits(hash, from, 6)}) + 0.5) / 1000000.0`;
  return `
INSERT INTO ${table} (pickup_date, pickup_datetime, dropoff_datetime, ratecode, passenger_count,
                     trip_distance, fare_amount, total_amount, payment_type, vendorid)
WITH trips AS (
  SELECT day, dow, start_row + k AS i
  FROM (SELECT day, dow, start_row, unnest(range(trips)) AS k FROM ${DAYS_TABLE} WHERE month(day) = ${month})
), hashed AS (
  SELECT day, dow, hash(i, 1) AS h1, hash(i, 2) AS h2, hash(i, 3) AS h3 FROM trips
), slots AS (
  SELECT day, dow, ${digits('h1', 0, 3)} AS slot1, ${digits('h1', 3, 3)} AS slot3, ${digits('h1', 6, 3)} AS slot4,
         ${digits('h1', 9, 3)} AS slot5, ${digits('h1', 12, 2)} AS vendor_slot, ${digits('h1', 14, 4)} % 3600 AS second_of_hour,
         ${uniform('h2', 0)} AS u7, ${uniform('h2', 6)} AS u8, ${uniform('h2', 12)} AS u_speed,
         ${uniform('h3', 0)} AS u_tip, ${uniform('h3', 6)} AS u_extra
  FROM hashed
), drawn AS (
  SELECT day, dow,
         CASE WHEN dow IN (0, 6) THEN ${hourCase('slot1', WEEKEND_HOURS)} ELSE ${hourCase('slot1', WEEKDAY_HOURS)} END AS hour,
         second_of_hour,
         ${weightedCase('slot3', RATE_CODES)} AS ratecode,
         ${weightedCase('slot4', PAYMENT_TYPES)} AS payment_type,
         ${weightedCase('slot5', PASSENGER_COUNTS)} AS passenger_count,
         CASE WHEN vendor_slot < 53 THEN '2' ELSE '1' END AS vendorid,
         sqrt(-2 * ln(u7)) * cos(2 * pi() * u8) AS z,
         u_speed, u_tip, u_extra
  FROM slots
), shaped AS (
  SELECT *,
         CASE ratecode WHEN 2 THEN 17.5 + 2.5 * abs(z) WHEN 3 THEN 18 + 3 * abs(z) WHEN 4 THEN 22 + 4 * abs(z)
                       ELSE least(45, greatest(0.1, exp(0.45 + 0.75 * z))) END AS distance,
         ${valueCase('hour', HOUR_SPEEDS)} * (0.7 + 0.6 * u_speed) * CASE WHEN ratecode IN (2, 3, 4) THEN 1.6 ELSE 1 END AS mph,
         day::TIMESTAMP + to_seconds(hour * 3600 + second_of_hour) AS pickup
  FROM drawn
), priced AS (
  SELECT *,
         least(180, distance / mph * 60 + 1 + 2 * u_extra) AS minutes,
         CASE ratecode WHEN 2 THEN 52.0
                       WHEN 5 THEN round(20 + 60 * u_extra)
                       ELSE round((2.5 + 2.0 * distance + 0.3 * least(180, distance / mph * 60 + 1 + 2 * u_extra)) * 2) / 2 END AS fare
  FROM shaped
)
SELECT CAST(pickup AS DATE), pickup,
       pickup + to_seconds(CAST(round(minutes * 60) AS BIGINT)),
       CAST(ratecode AS SMALLINT), CAST(passenger_count AS SMALLINT),
       CAST(round(distance, 2) AS FLOAT),
       CAST(fare AS FLOAT),
       CAST(round(fare
         + CASE WHEN hour >= 20 OR hour < 6 THEN 0.5 WHEN dow BETWEEN 1 AND 5 AND hour BETWEEN 16 AND 19 THEN 1.0 ELSE 0 END
         + 0.5 + 0.3
         + CASE WHEN ratecode IN (2, 3, 4) AND u_extra < 0.6 THEN 5.54 ELSE 0 END
         + CASE WHEN payment_type = 1 THEN fare * (0.12 + 0.13 * u_tip) ELSE 0 END, 2) AS FLOAT),
       CAST(payment_type AS SMALLINT), vendorid
FROM priced`;
}
