import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { duckdbCodec } from './duckdb-codec.js';
import { translateStatement } from './redshift-dialect.js';

/** An in-memory DuckDB with the warehouse's session settings, for dialect tests. */
export async function openDialectHarness(): Promise<{
  translate(sql: string): Promise<string>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
  connection: DuckDBConnection;
  close(): void;
}> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run('SET integer_division = true');
  await connection.run("SET TimeZone = 'UTC'");
  const codec = duckdbCodec(connection);
  const translate = (sql: string): Promise<string> => translateStatement(sql, codec);
  return {
    connection,
    translate,
    async rows(sql) {
      const reader = await connection.runAndReadAll(await translate(sql));
      return reader.getRowObjectsJson() as Record<string, unknown>[];
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
