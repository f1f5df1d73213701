import { ResultReturnType, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { rewriteNamedParameters } from '@redwire/query-catalog';
import { duckdbCodec } from '../dialect/duckdb-codec.js';
import { translateStatement } from '../dialect/redshift-dialect.js';
import type { TranslationCache } from '../dialect/translation-cache.js';
import type { PreparedStatementCache } from './prepared-statements.js';
import { columnMetadata, fieldConverter, fieldSize, type ColumnMetadata, type Field } from '../results/redshift-columns.js';

/** What one SQL statement produced. */
export interface StatementOutcome {
  hasResultSet: boolean;
  columns: ColumnMetadata[];
  records: Field[][];
  /** Rows returned, or rows changed by DML. */
  rows: number;
  /** Bytes of the result set (0 without one). */
  size: number;
}

/** Reused work across statements: translations (engine-wide) and prepared SELECTs (per connection). */
export interface StatementCaches {
  translations?: TranslationCache;
  prepared?: PreparedStatementCache;
}

/** A statement error the caller reports as the statement's Error. */
export class StatementError extends Error {
  override readonly name = 'StatementError';
}

/** Redshift's limit on a query's result (see aws-facts: "Max query result size 100 MB"). */
export const MAX_RESULT_BYTES = 100 * 1024 * 1024;

/**
 * Runs one Redshift statement on a DuckDB connection: `:name` parameters become
 * positional DuckDB parameters bound as VARCHAR (the Data API sends strings and
 * the SQL's casts or DuckDB's implicit casts give them their types), the text
 * goes through the Redshift dialect layer, and rows become Data API fields.
 */
export async function executeStatement(
  connection: DuckDBConnection,
  sql: string,
  parameters: ReadonlyMap<string, string>,
  onStarted: () => void = () => undefined,
  caches: StatementCaches = {},
): Promise<StatementOutcome> {
  const positional = rewriteNamedParameters(sql, (_name, index) => `$${index + 1}`);
  const missing = positional.names.filter((name) => !parameters.has(name));
  if (missing.length > 0) throw new StatementError(`no value given for parameter ${missing.map((name) => `:${name}`).join(', ')}`);
  const codec = duckdbCodec(connection);
  const translated = await (caches.translations ? caches.translations.translate(positional.sql, codec) : translateStatement(positional.sql, codec));
  const values = positional.names.map((name) => parameters.get(name) as string);
  const types = values.map(() => VARCHAR);
  onStarted();
  const result = await (caches.prepared ? caches.prepared.stream(connection, translated, values, types) : connection.stream(translated, values, types));
  if (result.returnType !== ResultReturnType.QUERY_RESULT) {
    return { hasResultSet: false, columns: [], records: [], rows: result.rowsChanged, size: 0 };
  }
  const columns = result.columnNames().map((name, index) => columnMetadata(name, result.columnType(index)));
  const converters = result.columnTypes().map(fieldConverter);
  const records: Field[][] = [];
  let size = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    for (const row of chunk.getRows()) {
      const record = row.map((value, index) => (converters[index] as (typeof converters)[number])(value));
      for (const field of record) size += fieldSize(field);
      records.push(record);
    }
    if (size > MAX_RESULT_BYTES) throw new StatementError('the query result exceeds the Data API limit of 100 MB');
  }
  return { hasResultSet: true, columns, records, rows: records.length, size };
}
