import { beforeAll, describe, expect, it } from 'vitest';
import { GOOD_SQL, reportText } from '../../test/report-text.js';
import { loadSqlParser } from './catalog-build.js';
import type { CatalogProblem } from './catalog-problem.js';
import type { SqlAstParser } from './read-only-check.js';
import { parseReportFile } from './report-file.js';

let parser: SqlAstParser;
beforeAll(async () => {
  parser = await loadSqlParser();
});

function problemsOf(text: string, file = 'sample.sql'): CatalogProblem[] {
  const result = parseReportFile(file, text, parser);
  return result.ok ? [] : result.problems;
}

/** Line of the first line of `text` containing `needle`. */
function lineOf(text: string, needle: string): number {
  return text.split('\n').findIndex((line) => line.includes(needle)) + 1;
}

describe('parseReportFile', () => {
  it('reads a valid report: front matter, the statement without semicolon, and where it starts', () => {
    const text = reportText(`${GOOD_SQL};\n-- trailing comment\n`);
    const result = parseReportFile('sample.sql', text, parser);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report).toMatchObject({ id: 'sample', title: 'Sample', groups: [], sql: GOOD_SQL, source: { file: 'sample.sql', line: lineOf(text, 'SELECT') } });
    expect(result.report.parameters[0]).toMatchObject({ name: 'month', kind: 'month' });
  });

  it('refuses a file without front matter, naming line 1', () => {
    expect(problemsOf(GOOD_SQL)).toEqual([{ file: 'sample.sql', line: 1, message: expect.stringContaining('must start with a front matter block') }]);
    expect(problemsOf(`/* just a comment */\n${GOOD_SQL}`)[0]?.message).toContain('front matter');
  });

  it('refuses a front matter block that is not closed properly, saying why', () => {
    for (const text of [reportText(GOOD_SQL, { description: 'see /* here' }), reportText(GOOD_SQL, { description: 'ends */ here' })]) {
      expect(problemsOf(text)).toEqual([{ file: 'sample.sql', line: 1, message: expect.stringContaining('front matter block is not closed') }]);
    }
  });

  it('refuses front matter that is not JSON, naming the line of the error', () => {
    const text = `/*---\n{\n  "id": "sample",\n  "title": oops\n}\n---*/\n${GOOD_SQL}`;
    expect(problemsOf(text)).toEqual([{ file: 'sample.sql', line: 4, message: expect.stringContaining('not valid JSON') }]);
  });

  it('refuses front matter of the wrong shape, naming the field', () => {
    const problems = problemsOf(reportText(GOOD_SQL, { title: '', colour: 'red' }));
    expect(problems.map((p) => p.message).join('\n')).toMatch(/title/);
    expect(problems.map((p) => p.message).join('\n')).toMatch(/colour/);
    expect(problems.every((p) => p.line === 1)).toBe(true);
  });

  it('refuses a file not named after its report id', () => {
    expect(problemsOf(reportText(GOOD_SQL), 'other.sql')[0]?.message).toBe('the file of report "sample" must be named sample.sql');
  });

  it('refuses a placeholder with no parameter, naming its line', () => {
    const text = reportText(`${GOOD_SQL}\nHAVING count(*) > :min_trips::int8`);
    expect(problemsOf(text)).toEqual([{ file: 'sample.sql', line: lineOf(text, ':min_trips'), message: 'placeholder :min_trips has no parameter in the front matter' }]);
  });

  it('refuses a parameter with no placeholder, naming the line of its definition', () => {
    const extra = [
      { name: 'month', kind: 'month', label: 'Month', min: '2015-01', max: '2015-12' },
      { name: 'vendor', kind: 'enum', label: 'Vendor', values: [{ value: '1', label: 'One' }] },
    ];
    const text = reportText(GOOD_SQL, { parameters: extra });
    expect(problemsOf(text)).toEqual([{ file: 'sample.sql', line: lineOf(text, '"vendor"'), message: 'parameter "vendor" has no placeholder :vendor in the statement' }]);
  });

  it('expects both placeholders of a date range', () => {
    const period = [{ name: 'period', kind: 'date-range', label: 'Period', min: '2015-01-01', max: '2015-12-31' }];
    const half = reportText('SELECT count(*)::int8 AS trips FROM nyc_yellow_taxi WHERE pickup_date >= :period_from::date', { parameters: period });
    expect(problemsOf(half).map((p) => p.message)).toEqual(['parameter "period" has no placeholder :period_to in the statement']);
    const whole = reportText('SELECT count(*)::int8 AS trips FROM nyc_yellow_taxi WHERE pickup_date BETWEEN :period_from::date AND :period_to::date', { parameters: period });
    expect(problemsOf(whole)).toEqual([]);
  });

  it('does not count parameter-looking text in comments or strings as a placeholder', () => {
    const text = reportText("SELECT ':month' AS label, count(*)::int8 AS trips FROM nyc_yellow_taxi -- :month\n");
    expect(problemsOf(text).map((p) => p.message)).toEqual(['parameter "month" has no placeholder :month in the statement']);
  });

  it('refuses more than one statement, naming the line of the second', () => {
    const text = reportText(`${GOOD_SQL};\nSELECT 1`);
    expect(problemsOf(text)).toContainEqual({ file: 'sample.sql', line: lineOf(text, 'SELECT 1'), message: 'more than one statement: a report holds exactly one' });
  });

  it('refuses a DROP hidden after a comment that itself contains ;DROP', () => {
    const text = reportText(`${GOOD_SQL} -- harmless ;DROP TABLE x\n;DROP TABLE nyc_yellow_taxi`);
    const messages = problemsOf(text).map((p) => p.message);
    expect(messages).toContain('more than one statement: a report holds exactly one');
    expect(messages).toHaveLength(1);
  });

  it('accepts a comment containing ;DROP and a string containing DELETE', () => {
    const text = reportText(`/* ;DROP TABLE t */ ${GOOD_SQL.replace('count(*)::int8 AS trips', "count(*)::int8 AS trips, 'DELETE FROM t; --' AS note")} -- ;DROP`);
    expect(problemsOf(text)).toEqual([]);
  });

  it('refuses a report with no statement at all', () => {
    expect(problemsOf(reportText('-- nothing here\n;'))).toEqual([{ file: 'sample.sql', line: 1, message: 'the report has no SQL statement' }]);
  });

  it.each([
    ['DELETE FROM nyc_yellow_taxi WHERE pickup_date < :month::date', 'the statement must be a read-only SELECT or WITH, not "DELETE"'],
    ["SELECT * INTO copy_of_trips FROM nyc_yellow_taxi WHERE pickup_date < :month::date", '"INTO" is not allowed in a read-only report'],
    ['WITH gone AS (DELETE FROM nyc_yellow_taxi RETURNING *) SELECT * FROM gone WHERE :month IS NOT NULL', '"DELETE" is not allowed in a read-only report'],
    ['WITH x AS (INSERT INTO t VALUES (1) RETURNING *) SELECT * FROM x WHERE :month IS NOT NULL', '"INSERT" is not allowed in a read-only report'],
    ['SELECT * FROM nyc_yellow_taxi WHERE pickup_date < :month::date FOR UPDATE', '"UPDATE" is not allowed in a read-only report'],
    ['SELECT pg_terminate_backend(1) WHERE :month IS NOT NULL', '"pg_terminate_backend" is not allowed in a read-only report'],
    ['SELECT * FROM t WHERE a = $1 AND b = :month', 'positional parameter $1: use a named parameter (:month)'.replace(':month', ':name')],
    ["SELECT 'a\\' AS x FROM t WHERE b = :month", "backslash in a string literal is ambiguous in Redshift: use E'…' or avoid it"],
  ])('refuses %s', (sql, message) => {
    const text = reportText(sql);
    expect(problemsOf(text).map((p) => p.message)).toContain(message);
    expect(problemsOf(text).every((p) => p.line >= lineOf(text, sql.split('\n')[0] ?? ''))).toBe(true);
  });

  it('refuses a write whose keyword hides in a comment between words', () => {
    const text = reportText('/* looks like a comment */ DELETE /* x */ FROM t WHERE a = :month');
    expect(problemsOf(text)[0]?.message).toBe('the statement must be a read-only SELECT or WITH, not "DELETE"');
  });

  it('refuses an unterminated string or comment, naming where it starts', () => {
    const text = reportText(`${GOOD_SQL} AND vendorid = 'oops`);
    expect(problemsOf(text)).toContainEqual({ file: 'sample.sql', line: lineOf(text, "'oops"), message: 'unterminated string starting here' });
    const comment = reportText(`${GOOD_SQL};\n/* never closed`);
    expect(problemsOf(comment)).toContainEqual({ file: 'sample.sql', line: lineOf(comment, 'never closed'), message: 'unterminated block-comment starting here' });
  });

  it('refuses SQL the Redshift parser cannot read, naming the line', () => {
    const text = reportText('SELECT count(*)::int8 AS trips\nFROM nyc_yellow_taxi\nWHERE pickup_date >> ( :month');
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(/SQL parser \(Redshift dialect\) cannot read/);
    expect(problems[0]?.line).toBe(lineOf(text, 'WHERE pickup_date'));
  });

  it('accepts :: casts right next to parameters', () => {
    expect(problemsOf(reportText("SELECT :month::varchar AS m, count(*)::int8 AS trips FROM nyc_yellow_taxi WHERE pickup_date >= :month::date"))).toEqual([]);
  });

  it('refuses a chart that names a column the statement does not', () => {
    const chart = { type: 'bar', x: 'trip_date', y: ['fares'] };
    expect(problemsOf(reportText(GOOD_SQL, { chart })).map((p) => p.message)).toEqual(['chart column "fares" is not named in the statement']);
    expect(problemsOf(reportText(GOOD_SQL, { chart: { ...chart, y: ['trips'] } }))).toEqual([]);
  });

  it('refuses parameter definitions with reversed bounds, naming the parameter line', () => {
    const text = reportText(GOOD_SQL, { parameters: [{ name: 'month', kind: 'month', label: 'Month', min: '2015-12', max: '2015-01' }] });
    expect(problemsOf(text)).toEqual([{ file: 'sample.sql', line: lineOf(text, '"month"'), message: 'month: min must not be greater than max' }]);
  });

  it('refuses a statement larger than the Data API accepts', () => {
    const huge = `${GOOD_SQL}\n-- ${'x'.repeat(100_001)}\nAND 1 = 1`;
    expect(problemsOf(reportText(huge)).map((p) => p.message)).toContain("the statement is larger than the Data API's 100000 bytes");
  });
});
