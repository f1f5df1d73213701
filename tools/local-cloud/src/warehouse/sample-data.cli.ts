/**
 * Generates the synthetic trips into a DuckDB file and optionally writes Parquet.
 *   node --import tsx tools/local-cloud/src/warehouse/sample-data.cli.ts [--rows N] [--state-dir DIR] [--parquet DIR]
 * Rows default to REDWIRE_SAMPLE_ROWS or 12,000,000; the state dir to .redwire/.
 */
import { mkdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { WarehouseEngine } from './engine/warehouse-engine.js';
import { ensureSampleData, sampleRowsFrom, writeParquet } from './sample-data/sample-data.js';

const { values } = parseArgs({
  options: { rows: { type: 'string' }, 'state-dir': { type: 'string' }, parquet: { type: 'string' } },
});
const rows = sampleRowsFrom(values.rows === undefined ? undefined : Number(values.rows));
const engine = await WarehouseEngine.open({
  stateDir: values['state-dir'] ?? '.redwire',
  memoryLimit: process.env['REDWIRE_DUCKDB_MEMORY'] ?? '2GB',
  poolSize: 1,
  enableTestFunctions: false,
});
const connection = await engine.connect();
try {
  const info = await ensureSampleData(connection, rows, (line) => console.log(line));
  const cpu = process.cpuUsage();
  const cpuSeconds = ((cpu.user + cpu.system) / 1e6).toFixed(1);
  console.log(`sample data: ${info.rows.toLocaleString('en-US')} rows in ${info.table}, ${(info.millis / 1000).toFixed(1)} s wall, ${cpuSeconds} s CPU (all threads)${info.generated ? '' : ' (already loaded)'}`);
  if (values.parquet) {
    await mkdir(values.parquet, { recursive: true });
    const files = await writeParquet(connection, values.parquet);
    console.log(`parquet: wrote ${files.length} files to ${values.parquet}`);
  }
} finally {
  connection.closeSync();
  engine.close();
}
