import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GOOD_SQL, reportText } from '../../test/report-text.js';
import { buildRepositoryCatalog } from '../../test/sample-catalog.js';
import { namedParameters } from '../sql/sql-statements.js';
import { buildCatalog, buildCatalogFromFiles, writeCatalogBundle } from './catalog-build.js';
import { CatalogBuildError } from './catalog-problem.js';
import { catalogContentHash } from './content-hash.js';
import { catalogBundleSchema, type CatalogBundle } from './report-definition.js';

const workspaceRoot = resolve(import.meta.dirname, '../../../..');
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'redwire-build-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

async function refusal(files: Record<string, string>): Promise<CatalogBuildError> {
  const error = await buildCatalogFromFiles(new Map(Object.entries(files))).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CatalogBuildError);
  return error as CatalogBuildError;
}

describe('the repository catalog', () => {
  let bundle: CatalogBundle;
  beforeAll(async () => {
    bundle = await buildRepositoryCatalog();
  });

  it('builds a valid bundle whose hash matches its reports', () => {
    expect(catalogBundleSchema.safeParse(bundle).success).toBe(true);
    expect(bundle.contentHash).toBe(catalogContentHash(bundle.reports));
    expect(bundle.reports.length).toBeGreaterThanOrEqual(4);
  });

  it('has trips-per-day with :month bound twice, the four columns, numbers as float8', () => {
    const report = bundle.reports.find((r) => r.id === 'trips-per-day');
    expect(report?.parameters).toEqual([expect.objectContaining({ name: 'month', kind: 'month', label: 'Month', min: '2015-01', max: '2015-12' })]);
    expect(namedParameters(report?.sql ?? '')).toEqual(['month']);
    for (const column of ['trip_date', 'total_hours', 'total_distance', 'total_fare']) expect(report?.sql).toContain(`AS ${column}`);
    expect(report?.sql.match(/::float8 AS total_/g)).toHaveLength(3);
    expect(report?.sql).not.toContain('MonthYYYY');
  });

  it('gives every report a chart hint, and uses date range, enum, integer and number parameters somewhere', () => {
    expect(bundle.reports.every((r) => r.chart !== undefined)).toBe(true);
    const kinds = new Set(bundle.reports.flatMap((r) => r.parameters.map((p) => p.kind)));
    for (const kind of ['month', 'date', 'date-range', 'enum', 'integer', 'number'] as const) expect(kinds.has(kind), kind).toBe(true);
  });

  it('hashes the same content the same way, whatever the file order', async () => {
    const files = new Map([
      ['b.sql', reportText(GOOD_SQL, { id: 'b' })],
      ['a.sql', reportText(GOOD_SQL, { id: 'a' })],
    ]);
    const one = await buildCatalogFromFiles(files);
    const two = await buildCatalogFromFiles(new Map([...files].reverse()));
    expect(one.contentHash).toBe(two.contentHash);
    expect(one.reports.map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('catalog build refusals', () => {
  it('names every refused file and line, not just the first', async () => {
    const two = reportText(`${GOOD_SQL};\nSELECT 2`, { id: 'two' });
    const write = reportText('SELECT a\n  INTO b FROM t WHERE c = :month', { id: 'write' });
    const error = await refusal({ 'good.sql': reportText(GOOD_SQL, { id: 'good' }), 'two.sql': two, 'write.sql': write });
    const twoLine = lineOf(two, 'SELECT 2');
    const writeLine = lineOf(write, 'INTO b');
    expect(error.problems.map((p) => `${p.file}:${p.line}`)).toEqual([`two.sql:${twoLine}`, `write.sql:${writeLine}`]);
    expect(error.message).toContain(`two.sql:${twoLine}: more than one statement`);
    expect(error.message).toContain(`write.sql:${writeLine}: "INTO" is not allowed`);
  });

  it('refuses two files with the same report id', async () => {
    const error = await refusal({ 'one/a.sql': reportText(GOOD_SQL, { id: 'a' }), 'two/a.sql': reportText(GOOD_SQL, { id: 'a' }) });
    expect(error.problems.map((p) => p.message)).toEqual(['report id "a" is already used by one/a.sql']);
  });

  it('refuses a reports folder that does not exist, with a typed error', async () => {
    const error = await buildCatalog(join(dir, 'no-such-folder')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatalogBuildError);
    expect((error as CatalogBuildError).problems[0]?.message).toMatch(/cannot read the reports folder/);
  });

  it('refuses an empty catalog', async () => {
    expect((await refusal({})).problems[0]?.message).toBe('the catalog has no report files');
  });
});

describe('catalog files', () => {
  it('reads every .sql file of a folder and writes catalog.json', async () => {
    const reports = join(dir, 'reports');
    await rm(reports, { recursive: true, force: true });
    await mkdir(reports);
    await writeFile(join(reports, 'sample.sql'), reportText(GOOD_SQL));
    await writeFile(join(reports, 'notes.txt'), 'not a report');
    const bundle = await buildCatalog(reports);
    const path = await writeCatalogBundle(bundle, join(dir, 'out', 'catalog'));
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(bundle);
    expect(bundle.reports.map((r) => r.source.file)).toEqual(['sample.sql']);
  });

  it('the CLI exits 1 naming the file and line of a bad report, and 0 writing the bundle for good ones', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad, { recursive: true });
    const text = reportText(`${GOOD_SQL};\nDELETE FROM nyc_yellow_taxi`);
    await writeFile(join(bad, 'sample.sql'), text);
    const run = (reports: string, out: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'libs/query-catalog/src/cli/build-catalog.ts', reports, out], {
        cwd: workspaceRoot,
        encoding: 'utf8',
        env: { ...process.env, TSX_TSCONFIG_PATH: 'libs/query-catalog/tsconfig.json' },
      });
    const failed = run(bad, join(dir, 'bad-out'));
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain(`sample.sql:${lineOf(text, 'DELETE')}: more than one statement`);
    const passed = run(join(workspaceRoot, 'sql/reports'), join(dir, 'good-out'));
    expect(passed.status, passed.stderr).toBe(0);
    expect(JSON.parse(await readFile(join(dir, 'good-out', 'catalog.json'), 'utf8')).version).toBe(1);
  }, 30_000);
});
