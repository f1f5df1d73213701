import { describe, expect, it } from 'vitest';
import { rewriteTokens, TOP_MARKER } from './token-rewrites.js';

describe('token rewrites', () => {
  it('drops Redshift storage attributes from CREATE TABLE, table- and column-level', () => {
    const { sql } = rewriteTokens(
      'CREATE TABLE t (a INT ENCODE az64 DISTKEY, b VARCHAR(MAX) SORTKEY, c DATE) DISTSTYLE KEY COMPOUND SORTKEY (a, c) BACKUP NO',
    );
    expect(sql.replace(/\s+/g, ' ').trim()).toBe('CREATE TABLE t (a INT , b VARCHAR , c DATE)');
  });

  it('strips the sample DDL\'s SORTKEY(pickup_date) and INTERLEAVED SORTKEY', () => {
    expect(rewriteTokens('CREATE TABLE IF NOT EXISTS x (d DATE) SORTKEY(d);').sql.trim()).toBe('CREATE TABLE IF NOT EXISTS x (d DATE) ;');
    expect(rewriteTokens('create table x (d date) interleaved sortkey (d) diststyle auto').sql.replace(/\s+/g, ' ').trim()).toBe('create table x (d date)');
  });

  it('leaves the same words alone inside strings, quoted identifiers, comments and non-DDL', () => {
    const create = `CREATE TABLE "sortkey" (note VARCHAR DEFAULT 'DISTKEY (a)') -- SORTKEY (x)`;
    expect(rewriteTokens(create)).toEqual({ sql: create, changed: false, top: false });
    const select = "SELECT 'diststyle even' AS s, encode FROM t";
    expect(rewriteTokens(select).changed).toBe(false);
  });

  it('marks SELECT [DISTINCT] TOP n for the tree pass', () => {
    const result = rewriteTokens('SELECT DISTINCT TOP 5 a FROM t');
    expect(result.top).toBe(true);
    expect(result.sql).toContain(`5 AS ${TOP_MARKER},`);
    expect(result.sql).not.toMatch(/\bTOP\b/);
  });

  it('does not treat a column named top as TOP n', () => {
    expect(rewriteTokens('SELECT top FROM t').changed).toBe(false);
    expect(rewriteTokens("SELECT 'top 5' FROM t").changed).toBe(false);
  });
});
