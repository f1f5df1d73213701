import type { DuckDBConnection } from '@duckdb/node-api';

/**
 * `redwire_sleep(ms)` keeps a query busy for about `ms` milliseconds. DuckDB
 * has no sleep and a JavaScript UDF would block Node's event loop, so it
 * burns a calibrated number of rows in a scan that `interrupt()` stops
 * between chunks — which is what cancel tests need. Returns `ms`.
 */
export async function installTestFunctions(connection: DuckDBConnection, rowsPerMs: number): Promise<void> {
  const perMs = Math.max(1, Math.round(rowsPerMs));
  await connection.run(
    `CREATE OR REPLACE TEMP MACRO redwire_sleep(ms) AS ` +
      `(SELECT CASE WHEN max(hash(i)) IS NULL THEN ms ELSE ms END FROM range(CAST(ms AS BIGINT) * ${perMs}) r(i))`,
  );
}

/** Rows per millisecond this machine scans in the sleep loop. */
export async function measureRowsPerMs(connection: DuckDBConnection): Promise<number> {
  const rows = 20_000_000;
  const started = performance.now();
  await connection.run(`SELECT max(hash(i)) FROM range(${rows}) r(i)`);
  return rows / Math.max(1, performance.now() - started);
}
