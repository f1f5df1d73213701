// Static imports here stay light (zod/mini and this library's own modules):
// the SQL parser and the S3 signer are loaded only when a build or an s3:// load needs them.
export * from './sql/index.js';
export * from './params/calendar.js';
export * from './params/param-definition.js';
export * from './params/param-values.js';
export * from './catalog/report-definition.js';
export * from './catalog/catalog-problem.js';
export { canonicalJson, catalogContentHash } from './catalog/content-hash.js';
export { parseReportFile, MAX_STATEMENT_BYTES, type ReportFileResult } from './catalog/report-file.js';
export { buildCatalog, buildCatalogFromFiles, writeCatalogBundle, loadSqlParser, CATALOG_BUNDLE_FILE } from './catalog/catalog-build.js';
export * from './runtime/prepare-statement.js';
export * from './runtime/report-summary.js';
export { CatalogLoadError, type CatalogLoadErrorCode } from './runtime/catalog-fetch.js';
export type { S3GetOptions } from './runtime/s3-get-object.js';
export { CatalogSource, loadCatalog, parseCatalogBundle, type CatalogLoaderOptions } from './runtime/catalog-loader.js';
