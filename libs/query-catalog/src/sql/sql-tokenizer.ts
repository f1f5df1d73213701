import type { SqlToken, SqlTokenKind } from './sql-token.js';

const PARAMETER_NAME = /[0-9A-Za-z_]/;
const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DIGIT = /[0-9]/;
const WHITESPACE = /\s/;
const OPERATOR = /[+\-*/<>=~!@#%^&|`?]/;
const PUNCTUATION = /[()[\],.{}]/;
const DOLLAR_TAG = /^\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$/;

interface Scan {
  kind: SqlTokenKind;
  end: number;
  name?: string;
  unterminated?: true;
}

/**
 * Splits SQL text into tokens, Redshift/PostgreSQL style, for the Data API.
 *
 * Knows `:name` named parameters (name `[0-9A-Za-z_]+`), `::` casts (never a
 * parameter), `'…'` strings with `''` escapes, `E'…'` strings with backslash
 * escapes, `$$…$$` and `$tag$…$tag$` dollar quotes, `"…"` identifiers with
 * `""` escapes, `--` line comments and nested block comments.
 *
 * It never throws: text that runs to the end of the input without its closing
 * delimiter becomes one token of the kind it started with, flagged
 * `unterminated: true`, and the caller reports it. The concatenation of all
 * token texts is always the input.
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  while (offset < sql.length) {
    const scan = scanToken(sql, offset);
    const text = sql.slice(offset, scan.end);
    const token: SqlToken = { kind: scan.kind, text, start: offset, end: scan.end, line, column: offset - lineStart + 1 };
    if (scan.name !== undefined) token.name = scan.name;
    if (scan.unterminated) token.unterminated = true;
    tokens.push(token);
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
      line += 1;
      lineStart = offset + i + 1;
    }
    offset = scan.end;
  }
  return tokens;
}

function scanToken(sql: string, at: number): Scan {
  const c = sql.charAt(at);
  const next = sql.charAt(at + 1);
  if (WHITESPACE.test(c)) return { kind: 'whitespace', end: runWhile(sql, at, WHITESPACE) };
  if (c === '-' && next === '-') return { kind: 'line-comment', end: lineEnd(sql, at) };
  if (c === '/' && next === '*') return blockComment(sql, at);
  if (c === "'") return quoted(sql, at + 1, "'", 'string', false);
  if ((c === 'E' || c === 'e') && next === "'") return quoted(sql, at + 2, "'", 'string', true);
  if (c === '"') return quoted(sql, at + 1, '"', 'quoted-identifier', false);
  if (c === '$') return dollar(sql, at);
  if (c === ':') return colon(sql, at);
  if (c === ';') return { kind: 'semicolon', end: at + 1 };
  if (WORD_START.test(c)) return { kind: 'word', end: runWhile(sql, at, WORD_PART) };
  if (DIGIT.test(c) || (c === '.' && DIGIT.test(next))) return { kind: 'number', end: numberEnd(sql, at) };
  if (PUNCTUATION.test(c)) return { kind: 'punctuation', end: at + 1 };
  if (OPERATOR.test(c)) return { kind: 'operator', end: operatorEnd(sql, at) };
  // Anything else (a stray backslash, control characters) is a one-character operator.
  return { kind: 'operator', end: at + 1 };
}

function runWhile(sql: string, at: number, pattern: RegExp): number {
  let end = at;
  while (end < sql.length && pattern.test(sql.charAt(end))) end += 1;
  return end;
}

function lineEnd(sql: string, at: number): number {
  const newline = sql.indexOf('\n', at);
  return newline === -1 ? sql.length : newline;
}

/** Block comments nest in PostgreSQL and Redshift: `/* a /* b *\/ c *\/` is one comment. */
function blockComment(sql: string, at: number): Scan {
  let depth = 0;
  let i = at;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth += 1;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth -= 1;
      i += 2;
      if (depth === 0) return { kind: 'block-comment', end: i };
    } else {
      i += 1;
    }
  }
  return { kind: 'block-comment', end: sql.length, unterminated: true };
}

/** A quoted run closed by `quote`; a doubled quote escapes it, and so does a backslash when `backslashEscapes`. */
function quoted(sql: string, from: number, quote: string, kind: SqlTokenKind, backslashEscapes: boolean): Scan {
  let i = from;
  while (i < sql.length) {
    const c = sql.charAt(i);
    if (backslashEscapes && c === '\\') {
      i += 2;
    } else if (c === quote) {
      if (sql.charAt(i + 1) !== quote) return { kind, end: i + 1 };
      i += 2;
    } else {
      i += 1;
    }
  }
  return { kind, end: sql.length, unterminated: true };
}

function dollar(sql: string, at: number): Scan {
  const tag = DOLLAR_TAG.exec(sql.slice(at, at + 130))?.[0];
  if (tag === undefined) {
    // `$1` positional parameters and a lone `$` are not dollar quotes.
    return DIGIT.test(sql.charAt(at + 1))
      ? { kind: 'word', end: runWhile(sql, at + 1, DIGIT) }
      : { kind: 'operator', end: at + 1 };
  }
  const close = sql.indexOf(tag, at + tag.length);
  if (close === -1) return { kind: 'string', end: sql.length, unterminated: true };
  return { kind: 'string', end: close + tag.length };
}

function colon(sql: string, at: number): Scan {
  if (sql.charAt(at + 1) === ':') return { kind: 'cast', end: at + 2 };
  const end = runWhile(sql, at + 1, PARAMETER_NAME);
  if (end === at + 1) return { kind: 'operator', end };
  return { kind: 'parameter', end, name: sql.slice(at + 1, end) };
}

function numberEnd(sql: string, at: number): number {
  let end = runWhile(sql, at, DIGIT);
  if (sql.charAt(end) === '.') end = runWhile(sql, end + 1, DIGIT);
  const exponent = /^[eE][+-]?[0-9]+/.exec(sql.slice(end, end + 40));
  return exponent ? end + exponent[0].length : end;
}

/** A run of operator characters that stops before a comment starts (`1--x` is 1 then a comment). */
function operatorEnd(sql: string, at: number): number {
  let end = at + 1;
  while (
    end < sql.length &&
    OPERATOR.test(sql.charAt(end)) &&
    !sql.startsWith('--', end) &&
    !sql.startsWith('/*', end)
  ) {
    end += 1;
  }
  return end;
}
