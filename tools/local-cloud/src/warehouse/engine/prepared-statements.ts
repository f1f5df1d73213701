import { StatementType, type DuckDBConnection, type DuckDBPreparedStatement, type DuckDBResult, type DuckDBType } from '@duckdb/node-api';

/**
 * Prepared SELECT statements kept per pooled connection, keyed by their DuckDB
 * SQL, so a statement run again (the same report with other parameter values)
 * skips parsing and planning: one DuckDB call (bind + execute) instead of
 * three (extract, prepare, execute), each of which waits for a libuv thread and
 * an event-loop turn. DuckDB re-binds a prepared statement by itself when the
 * catalog changed since it was prepared. Only SELECTs are kept; anything else
 * is prepared, run once and destroyed, as before.
 */
export class PreparedStatementCache {
  private readonly byConnection = new WeakMap<DuckDBConnection, Map<string, DuckDBPreparedStatement>>();

  constructor(private readonly maxPerConnection = 64) {}

  /** Runs one statement with VARCHAR-typed values and returns its streaming result. */
  async stream(connection: DuckDBConnection, sql: string, values: string[], types: DuckDBType[]): Promise<DuckDBResult> {
    const kept = this.statementsOf(connection);
    const cached = kept.get(sql);
    if (cached) {
      kept.delete(sql);
      kept.set(sql, cached);
      cached.bind(values, types);
      return cached.stream();
    }
    let prepared: DuckDBPreparedStatement;
    try {
      prepared = await connection.prepare(sql);
    } catch {
      // Several statements in one text, or an error: the general path runs them (or reports the error) as before.
      return connection.stream(sql, values, types);
    }
    const keep = prepared.statementType === StatementType.SELECT;
    try {
      prepared.bind(values, types);
      return await prepared.stream();
    } finally {
      if (keep) this.keep(kept, sql, prepared);
      else prepared.destroySync();
    }
  }

  /** Statements kept for `connection` (for tests). */
  size(connection: DuckDBConnection): number {
    return this.byConnection.get(connection)?.size ?? 0;
  }

  private statementsOf(connection: DuckDBConnection): Map<string, DuckDBPreparedStatement> {
    let kept = this.byConnection.get(connection);
    if (!kept) {
      kept = new Map();
      this.byConnection.set(connection, kept);
    }
    return kept;
  }

  private keep(kept: Map<string, DuckDBPreparedStatement>, sql: string, prepared: DuckDBPreparedStatement): void {
    kept.set(sql, prepared);
    if (kept.size <= this.maxPerConnection) return;
    const [oldestSql, oldest] = kept.entries().next().value as [string, DuckDBPreparedStatement];
    kept.delete(oldestSql);
    oldest.destroySync();
  }
}
