import { resolve } from 'node:path';
import { buildCatalog } from '../src/catalog/catalog-build.js';
import type { CatalogBundle, CatalogReport } from '../src/catalog/report-definition.js';

/** The repository's real catalog, built from sql/reports the way the build target does. */
export function buildRepositoryCatalog(): Promise<CatalogBundle> {
  return buildCatalog(resolve(import.meta.dirname, '../../../sql/reports'));
}

/** The report with `id` (the first one when no id is given); throws when there is none. */
export function reportOf(bundle: CatalogBundle, id?: string): CatalogReport {
  const report = id === undefined ? bundle.reports[0] : bundle.reports.find((r) => r.id === id);
  if (report === undefined) throw new Error(`no report ${id ?? ''} in the catalog`);
  return report;
}
