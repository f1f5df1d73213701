import { DuckDBInstance, VARCHAR, type DuckDBConnection, type DuckDBResult } from '@duckdb/node-api';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PreparedStatementCache } from './prepared-statements.js';

let instance: DuckDBInstance;
let connection: DuckDBConnection;
beforeEach(async () => {
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
});
afterEach(() => {
  connection.closeSync();
  instance.closeSync();
});

async function rows(result: DuckDBResult): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) out.push(...chunk.getRows());
  return out;
}

const run = async (cache: PreparedStatementCache, sql: string, values: string[] = [], on = connection): Promise<unknown[][]> =>
  rows(await cache.stream(on, sql, values, values.map(() => VARCHAR)));

describe('prepared statement cache', () => {
  it('keeps a SELECT and runs it again with other values', async () => {
    const cache = new PreparedStatementCache();
    const sql = 'SELECT CAST($1 AS INTEGER) * 2 AS doubled, $2 AS label';
    expect(await run(cache, sql, ['2', 'a'])).toEqual([[4, 'a']]);
    expect(cache.size(connection)).toBe(1);
    expect(await run(cache, sql, ['21', 'b'])).toEqual([[42, 'b']]);
    expect(cache.size(connection)).toBe(1);
  });

  it('sees catalog changes made after a SELECT was prepared (DuckDB re-binds it)', async () => {
    const cache = new PreparedStatementCache();
    await connection.run('CREATE TABLE t AS SELECT 1 AS a');
    expect(await run(cache, 'SELECT * FROM t')).toEqual([[1]]);
    await connection.run('DROP TABLE t');
    await connection.run("CREATE TABLE t AS SELECT 'x' AS a, 2 AS b");
    expect(await run(cache, 'SELECT * FROM t')).toEqual([['x', 2]]);
    await connection.run('DROP TABLE t');
    await expect(run(cache, 'SELECT * FROM t')).rejects.toThrow(/t/);
  });

  it('runs statements other than SELECT once without keeping them', async () => {
    const cache = new PreparedStatementCache();
    await run(cache, 'CREATE TABLE u (a INTEGER)');
    await run(cache, 'INSERT INTO u VALUES (CAST($1 AS INTEGER))', ['7']);
    await run(cache, 'INSERT INTO u VALUES (CAST($1 AS INTEGER))', ['8']);
    expect(cache.size(connection)).toBe(0);
    expect((await connection.runAndReadAll('SELECT sum(a) FROM u')).getRowsJson()).toEqual([['15']]);
  });

  it('keeps statements per connection and drops the least recently used past its bound', async () => {
    const cache = new PreparedStatementCache(2);
    await run(cache, 'SELECT 1');
    await run(cache, 'SELECT 2');
    await run(cache, 'SELECT 1');
    await run(cache, 'SELECT 3');
    expect(cache.size(connection)).toBe(2);
    expect(await run(cache, 'SELECT 2')).toEqual([[2]]);
    const other = await instance.connect();
    try {
      expect(cache.size(other)).toBe(0);
      expect(await run(cache, 'SELECT 1', [], other)).toEqual([[1]]);
      expect(cache.size(other)).toBe(1);
    } finally {
      other.closeSync();
    }
  });

  it('reports errors and runs several statements in one text as before, keeping nothing', async () => {
    const cache = new PreparedStatementCache();
    await expect(run(cache, 'SELEC 1')).rejects.toThrow(/syntax error/i);
    expect(await run(cache, 'CREATE TABLE v AS SELECT 5 AS a; SELECT a FROM v')).toEqual([[5]]);
    expect(cache.size(connection)).toBe(0);
  });
});
