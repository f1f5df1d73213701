import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlTreeCodec } from './redshift-dialect.js';

/** The parse-tree codec backed by a DuckDB connection. */
export function duckdbCodec(connection: DuckDBConnection): SqlTreeCodec {
  const scalar = async (sql: string, argument: string): Promise<string> => {
    const reader = await connection.runAndReadAll(sql, [argument]);
    return String(reader.getRows()[0]?.[0]);
  };
  return {
    serialize: (sql) => scalar('SELECT json_serialize_sql($1::VARCHAR)', sql),
    deserialize: (json) => scalar('SELECT json_deserialize_sql($1::JSON)', json),
  };
}
