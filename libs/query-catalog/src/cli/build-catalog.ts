// `nx run query-catalog:catalog`: validates sql/reports and writes dist/catalog/catalog.json.
// Usage: build-catalog.ts [reportsDir] [outDir]; exits 1 naming every refused file and line.
import { resolve } from 'node:path';
import { buildCatalog, writeCatalogBundle } from '../catalog/catalog-build.js';
import { CatalogBuildError } from '../catalog/catalog-problem.js';

const [reportsDir = 'sql/reports', outDir = 'dist/catalog'] = process.argv.slice(2);
try {
  const bundle = await buildCatalog(resolve(reportsDir));
  const path = await writeCatalogBundle(bundle, resolve(outDir));
  console.log(`catalog: ${bundle.reports.length} reports, contentHash ${bundle.contentHash} → ${path}`);
} catch (error) {
  console.error(error instanceof CatalogBuildError ? error.message : error);
  process.exitCode = 1;
}
