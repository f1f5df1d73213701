// The SQL tokenizer and its helpers: no imports beyond this folder, no side effects,
// so the warehouse stand-in can load it cheaply (`@redwire/query-catalog/sql`).
export type { SqlToken, SqlTokenKind } from './sql-token.js';
export { isTrivia } from './sql-token.js';
export { tokenizeSql } from './sql-tokenizer.js';
export { namedParameters, rewriteNamedParameters, splitStatements, type SqlStatementText } from './sql-statements.js';
