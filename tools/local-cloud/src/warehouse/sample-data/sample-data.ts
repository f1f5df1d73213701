import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DuckDBConnection } from '@duckdb/node-api';
import { splitStatements } from '@redwire/query-catalog';
import { duckdbCodec } from '../dialect/duckdb-codec.js';
import { translateStatement } from '../dialect/redshift-dialect.js';
import type { SampleDataInfo } from '../types.js';
import { DAYS_TABLE, daysTableSql, monthInsertSql } from './trip-sql.js';

export const SAMPLE_TABLE = 'nyc_yellow_taxi';
export const DEFAULT_SAMPLE_ROWS = 12_000_000;
/** The repository's `sql/setup`, whose Redshift DDL creates the table (run through the dialect layer). */
export const SETUP_SQL_DIR = fileURLToPath(new URL('../../../../../sql/setup/', import.meta.url));

export class SampleDataConfigError extends Error {
  override readonly name = 'SampleDataConfigError';
}

/** Rows to generate: the option, else `REDWIRE_SAMPLE_ROWS`, else 12 million. */
export function sampleRowsFrom(option: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  const raw = option ?? (env['REDWIRE_SAMPLE_ROWS'] ? Number(env['REDWIRE_SAMPLE_ROWS'].replaceAll('_', '')) : DEFAULT_SAMPLE_ROWS);
  if (!Number.isSafeInteger(raw) || raw < 0) {
    throw new SampleDataConfigError(`REDWIRE_SAMPLE_ROWS must be a whole number of rows >= 0, got "${String(option ?? env['REDWIRE_SAMPLE_ROWS'])}"`);
  }
  return raw;
}

/** Runs every `sql/setup/*.sql` file, in name order, through the Redshift dialect layer. */
export async function runSetupSql(connection: DuckDBConnection, dir = SETUP_SQL_DIR): Promise<void> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const codec = duckdbCodec(connection);
  for (const file of files) {
    for (const statement of splitStatements(await readFile(join(dir, file), 'utf8'))) {
      await connection.run(await translateStatement(statement.text, codec));
    }
  }
}

/**
 * Creates `nyc_yellow_taxi` and fills it with `rows` deterministic synthetic
 * 2015 trips, generated inside DuckDB month by month in one transaction.
 * A table that already holds rows is never reloaded.
 */
export async function ensureSampleData(
  connection: DuckDBConnection,
  rows: number,
  onProgress: (line: string) => void = () => undefined,
  setupDir = SETUP_SQL_DIR,
): Promise<SampleDataInfo> {
  const started = performance.now();
  await runSetupSql(connection, setupDir);
  const existing = await countRows(connection);
  if (existing > 0 || rows === 0) {
    if (existing > 0) onProgress(`sample data: ${SAMPLE_TABLE} already holds ${existing.toLocaleString('en-US')} rows, not reloading`);
    return { table: SAMPLE_TABLE, rows: existing, generated: false, millis: performance.now() - started };
  }
  await connection.run('BEGIN TRANSACTION');
  try {
    await connection.run(daysTableSql(rows));
    for (let month = 1; month <= 12; month += 1) {
      await connection.run(monthInsertSql(SAMPLE_TABLE, month));
      const done = await countRows(connection);
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      onProgress(`sample data: month ${month}/12, ${done.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows, ${seconds} s`);
    }
    await connection.run(`DROP TABLE ${DAYS_TABLE}`);
    await connection.run('COMMIT');
  } catch (error) {
    await connection.run('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await connection.run('CHECKPOINT');
  return { table: SAMPLE_TABLE, rows: await countRows(connection), generated: true, millis: performance.now() - started };
}

/** Writes one Parquet file per month (`nyc_yellow_taxi_2015-MM.parquet`), ready for S3 and Redshift COPY … FORMAT PARQUET. */
export async function writeParquet(connection: DuckDBConnection, dir: string): Promise<string[]> {
  const files: string[] = [];
  for (let month = 1; month <= 12; month += 1) {
    const file = join(dir, `${SAMPLE_TABLE}_2015-${String(month).padStart(2, '0')}.parquet`);
    await connection.run(
      `COPY (SELECT * FROM ${SAMPLE_TABLE} WHERE month(pickup_date) = ${month} ORDER BY pickup_datetime) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    files.push(file);
  }
  return files;
}

async function countRows(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll(`SELECT count(*) FROM ${SAMPLE_TABLE}`);
  return Number(reader.getRows()[0]?.[0] ?? 0);
}
