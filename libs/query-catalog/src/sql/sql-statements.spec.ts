import { describe, expect, it } from 'vitest';
import { namedParameters, rewriteNamedParameters, splitStatements } from './sql-statements.js';

describe('namedParameters', () => {
  it('lists distinct names in order of first use', () => {
    expect(namedParameters('select :b, :a, :b, x::int')).toEqual(['b', 'a']);
  });

  it('ignores names inside strings, comments and quoted identifiers', () => {
    expect(namedParameters("select ':x', \":y\" -- :z\n /* :w */ from t where a = :real")).toEqual(['real']);
  });
});

describe('rewriteNamedParameters', () => {
  it('replaces parameters only, giving a repeated name the same index', () => {
    const result = rewriteNamedParameters("select :a, ':a', :b, :a::int -- :a", (_name, i) => `$${i + 1}`);
    expect(result).toEqual({ sql: "select $1, ':a', $2, $1::int -- :a", names: ['a', 'b'] });
  });

  it('passes the name to the placeholder function', () => {
    expect(rewriteNamedParameters('x = :month', (name) => `$${name}`).sql).toBe('x = $month');
  });

  it('returns the text unchanged when there are no parameters', () => {
    expect(rewriteNamedParameters('select 1::int', () => '?')).toEqual({ sql: 'select 1::int', names: [] });
  });
});

describe('splitStatements', () => {
  it('splits on top-level semicolons and reports the line each statement starts on', () => {
    expect(splitStatements('select 1;\n\n  select 2;\nselect 3')).toEqual([
      { text: 'select 1', line: 1 },
      { text: 'select 2', line: 3 },
      { text: 'select 3', line: 4 },
    ]);
  });

  it('ignores semicolons inside strings, comments, identifiers and dollar quotes', () => {
    const sql = "select ';', \"a;b\", $$;$$ -- ;drop table t\n/* ; */ from t";
    expect(splitStatements(sql)).toEqual([{ text: sql, line: 1 }]);
  });

  it('drops empty statements and statements made only of comments', () => {
    expect(splitStatements(';; -- nothing\n; /* x */ ; select 1 ;;')).toEqual([{ text: 'select 1', line: 2 }]);
  });

  it('trims leading comments so the line is that of the first real token', () => {
    expect(splitStatements('/* header\n */\nselect 1 -- trailing')).toEqual([{ text: 'select 1', line: 3 }]);
  });

  it('returns nothing for an empty script', () => {
    expect(splitStatements('  \n')).toEqual([]);
  });
});
