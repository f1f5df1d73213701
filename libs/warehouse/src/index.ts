/**
 * A small typed client over the Redshift Data API: execute, describe, cancel, bounded result
 * pages with signed cursors, and CSV from the same pages.
 */
export * from './csv.js';
export * from './data-api-target.js';
export { keepIntegersExact, rewriteLargeLongValues } from './exact-integers.middleware.js';
export * from './result-cell.js';
export * from './result-cursor.js';
export { DEFAULT_PAGE_LIMITS, readBoundedPage, type BoundedPage, type DataApiPage, type PageLimits } from './result-pager.js';
export * from './statement-status.js';
export * from './warehouse-error.js';
export * from './warehouse.js';
