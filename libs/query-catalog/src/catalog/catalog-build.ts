import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CatalogBuildError, type CatalogProblem } from './catalog-problem.js';
import { catalogContentHash } from './content-hash.js';
import type { SqlAstParser } from './read-only-check.js';
import { CATALOG_BUNDLE_VERSION, type CatalogBundle, type CatalogReport } from './report-definition.js';
import { parseReportFile } from './report-file.js';

/** The Redshift-dialect parser, loaded only when a catalog is built (handlers never need it). */
export async function loadSqlParser(): Promise<SqlAstParser> {
  // A CommonJS module: Node exposes it as `default`, bundlers may hoist its names.
  const loaded = (await import('node-sql-parser/build/redshift.js')) as unknown as { Parser?: new () => SqlAstParser; default?: { Parser: new () => SqlAstParser } };
  const Parser = loaded.Parser ?? loaded.default?.Parser;
  if (Parser === undefined) throw new Error('node-sql-parser/build/redshift.js has no Parser export');
  return new Parser();
}

/** Builds a bundle from report file texts (name → text); throws {@link CatalogBuildError} naming every refused file and line. */
export async function buildCatalogFromFiles(files: ReadonlyMap<string, string>): Promise<CatalogBundle> {
  const parser = await loadSqlParser();
  const problems: CatalogProblem[] = [];
  const reports: CatalogReport[] = [];
  for (const [file, text] of [...files].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const result = parseReportFile(file, text, parser);
    if (!result.ok) {
      problems.push(...result.problems);
      continue;
    }
    const twin = reports.find((report) => report.id === result.report.id);
    if (twin) problems.push({ file, line: result.report.source.line, message: `report id "${twin.id}" is already used by ${twin.source.file}` });
    else reports.push(result.report);
  }
  if (files.size === 0) problems.push({ file: '.', line: 1, message: 'the catalog has no report files' });
  if (problems.length > 0) throw new CatalogBuildError(problems);
  return { version: CATALOG_BUNDLE_VERSION, contentHash: catalogContentHash(reports), reports };
}

/** Builds the bundle from every `*.sql` file directly in `reportsDir`. */
export async function buildCatalog(reportsDir: string): Promise<CatalogBundle> {
  let names: string[];
  try {
    names = (await readdir(reportsDir)).filter((name) => name.endsWith('.sql'));
  } catch (error) {
    throw new CatalogBuildError([{ file: reportsDir, line: 1, message: `cannot read the reports folder: ${(error as Error).message}` }]);
  }
  const files = new Map<string, string>();
  for (const name of names) files.set(name, await readFile(join(reportsDir, name), 'utf8'));
  return buildCatalogFromFiles(files);
}

export const CATALOG_BUNDLE_FILE = 'catalog.json';

/** Writes `catalog.json` into `outDir` (created if needed) and returns its path. */
export async function writeCatalogBundle(bundle: CatalogBundle, outDir: string): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const path = join(outDir, CATALOG_BUNDLE_FILE);
  await writeFile(path, `${JSON.stringify(bundle, null, 2)}\n`);
  return path;
}
