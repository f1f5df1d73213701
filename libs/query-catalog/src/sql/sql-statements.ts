import { isTrivia } from './sql-token.js';
import { tokenizeSql } from './sql-tokenizer.js';

/** Distinct Data API parameter names (`:name`), in order of first use. Text in strings, comments and quoted identifiers is ignored. */
export function namedParameters(sql: string): string[] {
  const names = new Set<string>();
  for (const token of tokenizeSql(sql)) {
    if (token.kind === 'parameter' && token.name !== undefined) names.add(token.name);
  }
  return [...names];
}

/**
 * Replaces every `:name` parameter token with `placeholder(name, index)`, where
 * `index` is the 0-based position of `name` in the returned `names` (distinct
 * names in order of first use; a repeated name gets the same index). Strings,
 * comments, quoted identifiers and `::` casts are left exactly as they were.
 *
 * @example rewriteNamedParameters("select :a, :b, :a::int", (_n, i) => `$${i + 1}`)
 *   // → { sql: "select $1, $2, $1::int", names: ["a", "b"] }
 */
export function rewriteNamedParameters(
  sql: string,
  placeholder: (name: string, index: number) => string,
): { sql: string; names: string[] } {
  const names: string[] = [];
  let out = '';
  for (const token of tokenizeSql(sql)) {
    if (token.kind !== 'parameter' || token.name === undefined) {
      out += token.text;
      continue;
    }
    let index = names.indexOf(token.name);
    if (index === -1) index = names.push(token.name) - 1;
    out += placeholder(token.name, index);
  }
  return { sql: out, names };
}

/** One statement of a script: its text without surrounding whitespace and comments, and the 1-based line it starts on. */
export interface SqlStatementText {
  text: string;
  line: number;
}

/**
 * Splits a script on top-level semicolons (not those inside strings, comments,
 * quoted identifiers or dollar quotes). Statements made only of whitespace and
 * comments are dropped; the semicolon itself is not part of `text`.
 */
export function splitStatements(sql: string): SqlStatementText[] {
  const statements: SqlStatementText[] = [];
  let first: { start: number; line: number } | undefined;
  let lastEnd = 0;
  const flush = (): void => {
    if (first) statements.push({ text: sql.slice(first.start, lastEnd), line: first.line });
    first = undefined;
  };
  for (const token of tokenizeSql(sql)) {
    if (token.kind === 'semicolon') {
      flush();
    } else if (!isTrivia(token)) {
      first ??= { start: token.start, line: token.line };
      lastEnd = token.end;
    }
  }
  flush();
  return statements;
}
