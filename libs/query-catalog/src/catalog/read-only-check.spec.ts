import { beforeAll, describe, expect, it } from 'vitest';
import { loadSqlParser } from './catalog-build.js';
import { parserProblems, type SqlAstParser } from './read-only-check.js';

let parser: SqlAstParser;
beforeAll(async () => {
  parser = await loadSqlParser();
});

// The parser check stands on its own, behind the token check: these bypass the token rules on purpose.
describe('parserProblems', () => {
  it('accepts one SELECT and one WITH … SELECT', () => {
    expect(parserProblems(parser, "SELECT round(sum(datediff(minutes, a, b)) / 60, 2)::float8 AS h FROM t WHERE d >= to_date('0', 'YYYY-MM')", 1)).toEqual([]);
    expect(parserProblems(parser, 'WITH x AS (SELECT 1 AS a) SELECT a FROM x', 1)).toEqual([]);
  });

  it('refuses SELECT … INTO', () => {
    expect(parserProblems(parser, 'SELECT a INTO b FROM t', 7)).toEqual([{ line: 7, message: 'SELECT … INTO writes a table: not allowed in a report' }]);
  });

  it('refuses a write inside a CTE, naming the line the parser stopped on', () => {
    const problems = parserProblems(parser, 'WITH x AS (\nDELETE FROM t RETURNING *) SELECT * FROM x', 10);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(11);
  });

  it('refuses two statements and statements that are not SELECT', () => {
    expect(parserProblems(parser, 'SELECT 1; DELETE FROM t', 3)).toEqual([{ line: 3, message: 'expected exactly one statement, the parser found 2' }]);
    expect(parserProblems(parser, 'DELETE FROM t', 3)).toEqual([{ line: 3, message: 'the statement must be a SELECT, the parser found delete' }]);
  });

  it('finds a write node anywhere in the tree', () => {
    const fake: SqlAstParser = { astify: () => ({ type: 'select', columns: [{ expr: { ast: { type: 'update' } } }] }) };
    expect(parserProblems(fake, 'ignored', 2)).toEqual([{ line: 2, message: 'a UPDATE is hidden inside the statement' }]);
  });
});
