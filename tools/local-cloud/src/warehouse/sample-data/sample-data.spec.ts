import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleData, sampleRowsFrom, SampleDataConfigError, writeParquet } from './sample-data.js';

const ROWS = 60_000;

async function generated(rows = ROWS): Promise<{ connection: DuckDBConnection; close(): void; lines: string[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const lines: string[] = [];
  await ensureSampleData(connection, rows, (line) => lines.push(line));
  return { connection, lines, close: () => { connection.closeSync(); instance.closeSync(); } };
}

async function scalar(connection: DuckDBConnection, sql: string): Promise<unknown> {
  return (await connection.runAndReadAll(sql)).getRowsJson()[0]?.[0];
}

let sample: Awaited<ReturnType<typeof generated>>;
beforeAll(async () => {
  sample = await generated();
}, 60_000);
afterAll(() => sample.close());

describe('synthetic trip sample', { timeout: 60_000 }, () => {
  it('generates exactly the requested rows over every day of 2015, with a progress line per month', async () => {
    expect(await scalar(sample.connection, 'SELECT count(*) FROM nyc_yellow_taxi')).toBe(String(ROWS));
    expect(await scalar(sample.connection, "SELECT count(DISTINCT pickup_date) FROM nyc_yellow_taxi WHERE pickup_date BETWEEN '2015-01-01' AND '2015-12-31'")).toBe('365');
    expect(sample.lines).toHaveLength(12);
    expect(sample.lines[11]).toMatch(/month 12\/12, 60,000 of 60,000 rows/);
  });

  it('is deterministic: a second generation yields the same rows', async () => {
    const again = await generated();
    try {
      const fingerprint = 'SELECT sum(hash(pickup_datetime, dropoff_datetime, trip_distance, fare_amount, total_amount, payment_type, vendorid) % 1000000007) FROM nyc_yellow_taxi';
      expect(await scalar(again.connection, fingerprint)).toBe(await scalar(sample.connection, fingerprint));
    } finally {
      again.close();
    }
  });

  it('never reloads a table that already holds rows', async () => {
    const info = await ensureSampleData(sample.connection, ROWS * 2);
    expect(info).toMatchObject({ generated: false, rows: ROWS });
    expect(await scalar(sample.connection, 'SELECT count(*) FROM nyc_yellow_taxi')).toBe(String(ROWS));
  });

  it('has weekday and hour-of-day seasonality', async () => {
    const byWeekday = (await sample.connection.runAndReadAll('SELECT dayofweek(pickup_date) AS d, count(*) FROM nyc_yellow_taxi GROUP BY 1 ORDER BY 1')).getRowsJson().map((row) => Number(row[1]));
    expect(byWeekday[5]).toBeGreaterThan((byWeekday[1] as number) * 1.15); // Friday over Monday
    const evening = Number(await scalar(sample.connection, 'SELECT count(*) FROM nyc_yellow_taxi WHERE dayofweek(pickup_date) BETWEEN 1 AND 5 AND hour(pickup_datetime) = 19'));
    const night = Number(await scalar(sample.connection, 'SELECT count(*) FROM nyc_yellow_taxi WHERE dayofweek(pickup_date) BETWEEN 1 AND 5 AND hour(pickup_datetime) = 4'));
    expect(evening).toBeGreaterThan(night * 4);
    const christmas = Number(await scalar(sample.connection, "SELECT count(*) FROM nyc_yellow_taxi WHERE pickup_date = '2015-12-25'"));
    const dayBefore = Number(await scalar(sample.connection, "SELECT count(*) FROM nyc_yellow_taxi WHERE pickup_date = '2015-12-18'"));
    expect(christmas).toBeLessThan(dayBefore * 0.7);
  });

  it('keeps distances, durations, fares and totals consistent', async () => {
    const row = (await sample.connection.runAndReadAll(`SELECT
        min(date_diff('second', pickup_datetime, dropoff_datetime)) AS shortest,
        max(date_diff('minute', pickup_datetime, dropoff_datetime)) AS longest,
        count(*) FILTER (WHERE total_amount < fare_amount) AS total_below_fare,
        corr(trip_distance, fare_amount) AS distance_fare,
        count(*) FILTER (WHERE ratecode = 2 AND fare_amount <> 52) AS jfk_not_flat,
        avg(CASE WHEN payment_type = 1 THEN 1 ELSE 0 END) AS card_share,
        min(trip_distance) AS min_distance, count(DISTINCT vendorid) AS vendors
      FROM nyc_yellow_taxi`)).getRowObjectsJson()[0];
    expect(Number(row?.['shortest'])).toBeGreaterThan(0);
    expect(Number(row?.['longest'])).toBeLessThanOrEqual(181);
    expect(row?.['total_below_fare']).toBe('0');
    expect(Number(row?.['distance_fare'])).toBeGreaterThan(0.9);
    expect(row?.['jfk_not_flat']).toBe('0');
    expect(Number(row?.['card_share'])).toBeCloseTo(0.62, 1);
    expect(Number(row?.['min_distance'])).toBeGreaterThan(0);
    expect(row?.['vendors']).toBe('2');
  });

  it('writes one Parquet file per month holding every row', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'redwire-parquet-'));
    try {
      const files = await writeParquet(sample.connection, dir);
      expect(files).toHaveLength(12);
      expect(files[11]).toMatch(/nyc_yellow_taxi_2015-12\.parquet$/);
      expect(await scalar(sample.connection, `SELECT count(*) FROM read_parquet('${dir}/*.parquet')`)).toBe(String(ROWS));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads REDWIRE_SAMPLE_ROWS and names it when the value is not a row count', () => {
    expect(sampleRowsFrom(undefined, {})).toBe(12_000_000);
    expect(sampleRowsFrom(undefined, { REDWIRE_SAMPLE_ROWS: '1_000_000' })).toBe(1_000_000);
    expect(sampleRowsFrom(500, { REDWIRE_SAMPLE_ROWS: '7' })).toBe(500);
    expect(() => sampleRowsFrom(undefined, { REDWIRE_SAMPLE_ROWS: 'lots' })).toThrow(SampleDataConfigError);
    expect(() => sampleRowsFrom(-1, {})).toThrow(/REDWIRE_SAMPLE_ROWS/);
  });
});
