export { translateStatement, type SqlTreeCodec } from './redshift-dialect.js';
export { DialectError } from './dialect-error.js';
export { rewriteTokens } from './token-rewrites.js';
export { strptimeFormats, parseDateFormat } from './date-format.js';
export { duckdbCodec } from './duckdb-codec.js';
