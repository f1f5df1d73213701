import { chartColumns } from '@redwire/protocol';
import { basename } from 'node:path';
import { paramDefinitionProblems, paramPlaceholderNames } from '../params/param-values.js';
import { rewriteNamedParameters } from '../sql/sql-statements.js';
import { isTrivia, type SqlToken } from '../sql/sql-token.js';
import { tokenizeSql } from '../sql/sql-tokenizer.js';
import type { CatalogProblem } from './catalog-problem.js';
import { issueText } from './describe-issue.js';
import { lineAt, readFrontMatter } from './front-matter.js';
import { parserProblems, tokenProblems, type SqlAstParser } from './read-only-check.js';
import { reportFrontMatterSchema, type CatalogReport, type ReportFrontMatter } from './report-definition.js';

/** The Data API refuses statements over 100 KB. */
export const MAX_STATEMENT_BYTES = 100_000;

export type ReportFileResult = { ok: true; report: CatalogReport } | { ok: false; problems: CatalogProblem[] };

/** Statements as groups of tokens split at semicolons; groups holding only whitespace and comments are dropped. */
function statementGroups(tokens: readonly SqlToken[]): SqlToken[][] {
  const groups: SqlToken[][] = [[]];
  for (const token of tokens) {
    if (token.kind === 'semicolon') groups.push([]);
    else groups.at(-1)?.push(token);
  }
  return groups
    .map((group) => {
      const first = group.findIndex((token) => !isTrivia(token));
      const last = group.findLastIndex((token) => !isTrivia(token));
      return first === -1 ? [] : group.slice(first, last + 1);
    })
    .filter((group) => group.length > 0);
}

/** Line of the parameter's `"name": "<name>"` in the front matter, or the front matter's first line. */
function parameterLine(text: string, name: string, fallback: number): number {
  const match = new RegExp(`"name"\\s*:\\s*"${name}"`).exec(text);
  return match ? lineAt(text, match.index) : fallback;
}

function placeholderProblems(text: string, meta: ReportFrontMatter, statement: readonly SqlToken[], frontLine: number) {
  const problems: Omit<CatalogProblem, 'file'>[] = [];
  const expected = new Map(meta.parameters.flatMap((def) => paramPlaceholderNames(def).map((name) => [name, def.name] as const)));
  const used = new Set<string>();
  for (const token of statement) {
    if (token.kind !== 'parameter' || token.name === undefined) continue;
    used.add(token.name);
    if (!expected.has(token.name)) problems.push({ line: token.line, message: `placeholder :${token.name} has no parameter in the front matter` });
  }
  for (const [placeholder, param] of expected) {
    if (!used.has(placeholder)) {
      problems.push({ line: parameterLine(text, param, frontLine), message: `parameter "${param}" has no placeholder :${placeholder} in the statement` });
    }
  }
  return problems;
}

/** A chart can only draw columns the statement names (as a bare or quoted identifier). */
function chartProblems(meta: ReportFrontMatter, statement: readonly SqlToken[], frontLine: number) {
  if (meta.chart === undefined) return [];
  const named = (column: string) =>
    statement.some((t) => (t.kind === 'word' && t.text.toLowerCase() === column.toLowerCase()) || (t.kind === 'quoted-identifier' && t.text === `"${column}"`));
  return chartColumns(meta.chart)
    .filter((column) => !named(column))
    .map((column) => ({ line: frontLine, message: `chart column "${column}" is not named in the statement` }));
}

/**
 * Reads and checks one report file (`file` is its name relative to the reports
 * folder, used in problems). Every rule the catalog build enforces is here.
 */
export function parseReportFile(file: string, text: string, parser: SqlAstParser): ReportFileResult {
  const fail = (problems: Omit<CatalogProblem, 'file'>[]): ReportFileResult => ({ ok: false, problems: problems.map((p) => ({ file, ...p })) });
  const tokens = tokenizeSql(text);
  const front = readFrontMatter(text, tokens);
  if (!front.ok) return fail([{ line: front.line, message: front.message }]);
  const frontLine = front.token.line;
  const parsed = reportFrontMatterSchema.safeParse(front.json);
  if (!parsed.success) {
    return fail(parsed.error.issues.map((issue) => ({ line: frontLine, message: `front matter ${issueText(issue)}` })));
  }
  const meta = parsed.data;
  const problems: Omit<CatalogProblem, 'file'>[] = [];
  if (basename(file) !== `${meta.id}.sql`) problems.push({ line: frontLine, message: `the file of report "${meta.id}" must be named ${meta.id}.sql` });
  for (const message of meta.parameters.flatMap(paramDefinitionProblems)) problems.push({ line: parameterLine(text, message.split(':')[0] ?? '', frontLine), message });

  const statements = statementGroups(tokens.filter((token) => token !== front.token));
  const statement = statements[0];
  if (statement === undefined) return fail([...problems, { line: frontLine, message: 'the report has no SQL statement' }]);
  if (statements[1]?.[0] !== undefined) problems.push({ line: statements[1][0].line, message: 'more than one statement: a report holds exactly one' });
  for (const token of tokens) if (token.unterminated && !statement.includes(token)) problems.push({ line: token.line, message: `unterminated ${token.kind} starting here` });

  const first = statement[0] as SqlToken;
  const last = statement.at(-1) as SqlToken;
  const sql = text.slice(first.start, last.end);
  if (Buffer.byteLength(sql) > MAX_STATEMENT_BYTES) problems.push({ line: first.line, message: `the statement is larger than the Data API's ${MAX_STATEMENT_BYTES} bytes` });
  problems.push(...tokenProblems(statement), ...placeholderProblems(text, meta, statement, frontLine), ...chartProblems(meta, statement, frontLine));
  if (problems.length === 0) {
    // Postgres-family parsers reject `:name`: bind a literal in its place for the parse only.
    problems.push(...parserProblems(parser, rewriteNamedParameters(sql, () => "'0'").sql, first.line));
  }
  if (problems.length > 0) return fail(problems);
  return { ok: true, report: { ...meta, sql, source: { file, line: first.line } } };
}
