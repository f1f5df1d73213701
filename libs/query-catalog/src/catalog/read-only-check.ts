import type { SqlToken } from '../sql/sql-token.js';
import { isTrivia } from '../sql/sql-token.js';

/** Where a statement breaks a rule, relative to the file (`line` is absolute). */
export interface StatementProblem {
  line: number;
  message: string;
}

/**
 * Words that have no place in a read-only report outside strings, comments
 * and quoted identifiers. Defence in depth behind the SQL parser: a report
 * that needs one of them as a column name can quote it (`"comment"`).
 */
const FORBIDDEN_WORDS = new Set([
  'alter', 'analyze', 'begin', 'call', 'commit', 'copy', 'create', 'deallocate', 'declare', 'delete', 'drop',
  'execute', 'grant', 'insert', 'into', 'lock', 'merge', 'prepare', 'refresh', 'reset', 'revoke', 'rollback',
  'savepoint', 'set', 'transaction', 'truncate', 'unload', 'update', 'vacuum',
  // Functions with side effects.
  'pg_cancel_backend', 'pg_terminate_backend', 'set_config',
]);

/**
 * Token-level rules for the one statement of a report: it starts with SELECT
 * or WITH; no forbidden word appears as a bare word; nothing is unterminated;
 * no positional `$1` parameters; no backslash in a plain string literal
 * (Redshift may read it as an escape where PostgreSQL does not, so the
 * statement's boundaries would be ambiguous).
 */
export function tokenProblems(statementTokens: readonly SqlToken[]): StatementProblem[] {
  const problems: StatementProblem[] = [];
  const significant = statementTokens.filter((token) => !isTrivia(token));
  const first = significant[0];
  if (first !== undefined && !(first.kind === 'word' && ['select', 'with'].includes(first.text.toLowerCase()))) {
    problems.push({ line: first.line, message: `the statement must be a read-only SELECT or WITH, not "${first.text}"` });
  }
  for (const token of statementTokens) {
    const word = token.text.toLowerCase();
    if (token.unterminated) {
      problems.push({ line: token.line, message: `unterminated ${token.kind} starting here` });
    } else if (token.kind === 'word' && FORBIDDEN_WORDS.has(word)) {
      problems.push({ line: token.line, message: `"${token.text}" is not allowed in a read-only report` });
    } else if (token.kind === 'word' && token.text.startsWith('$')) {
      problems.push({ line: token.line, message: `positional parameter ${token.text}: use a named parameter (:name)` });
    } else if (token.kind === 'string' && token.text.startsWith("'") && token.text.includes('\\')) {
      problems.push({ line: token.line, message: "backslash in a string literal is ambiguous in Redshift: use E'…' or avoid it" });
    }
  }
  return problems;
}

/** The subset of node-sql-parser's Parser the check uses. */
export interface SqlAstParser {
  astify(sql: string, options: { database: string }): unknown;
}

const WRITE_NODE_TYPES = new Set(['insert', 'replace', 'update', 'delete', 'merge', 'create', 'drop', 'alter', 'truncate', 'grant', 'rename', 'use', 'set', 'lock', 'unlock', 'call', 'exec', 'declare', 'transaction', 'load_data']);

interface ParserFailure {
  message?: string;
  location?: { start?: { line?: number } };
}

/**
 * Parses the statement with the Redshift dialect (placeholders already
 * replaced by literals) and refuses anything but one SELECT without INTO
 * whose tree holds no write. `firstLine` is the statement's line in the file.
 */
export function parserProblems(parser: SqlAstParser, sql: string, firstLine: number): StatementProblem[] {
  let ast: unknown;
  try {
    ast = parser.astify(sql, { database: 'redshift' });
  } catch (error) {
    const failure = error as ParserFailure;
    const line = firstLine + (failure.location?.start?.line ?? 1) - 1;
    const reason = (failure.message ?? String(error)).slice(0, 300);
    return [{ line, message: `the SQL parser (Redshift dialect) cannot read this statement as one read-only query: ${reason}` }];
  }
  const statements = Array.isArray(ast) ? ast : [ast];
  if (statements.length !== 1) return [{ line: firstLine, message: `expected exactly one statement, the parser found ${statements.length}` }];
  const root = statements[0] as { type?: string };
  if (root.type !== 'select') return [{ line: firstLine, message: `the statement must be a SELECT, the parser found ${root.type ?? 'something else'}` }];
  const found = findWrite(root);
  return found === undefined ? [] : [{ line: firstLine, message: found }];
}

/** Walks the tree for SELECT … INTO and nested write statements. */
function findWrite(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findWrite(child);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (node === null || typeof node !== 'object') return undefined;
  const record = node as Record<string, unknown>;
  if (typeof record['type'] === 'string' && WRITE_NODE_TYPES.has(record['type'])) {
    return `a ${record['type'].toUpperCase()} is hidden inside the statement`;
  }
  const into = record['into'] as { expr?: unknown; position?: unknown } | undefined;
  if (record['type'] === 'select' && into && (into.expr || into.position)) return 'SELECT … INTO writes a table: not allowed in a report';
  for (const [key, child] of Object.entries(record)) {
    if (key === 'loc') continue;
    const found = findWrite(child);
    if (found !== undefined) return found;
  }
  return undefined;
}
