/**
 * The report flow: everything the Lambda handlers do, as plain functions over their
 * dependencies (registry, warehouse, socket sender, catalog), unit-tested without AWS.
 */
export * from './flow-ports.js';
export * from './flow-context.js';
export * from './identity.js';
export * from './authorizer-policy.js';
export * from './connect-authorizer.js';
export * from './connection-lifecycle.js';
export * from './handle-message.js';
export * from './notify-statement.js';
export * from './status-event.js';
export * from './settle-statement.js';
export * from './outcome-message.js';
export * from './results-api.js';
export * from './http-response.js';
export * from './statement-status.js';
export * from './sweeper.js';
export * from './socket-sender.js';
export * from './deliver.js';
export * from './setup/setup-warehouse.js';
export * from './setup/sample-data-source.js';
export { SETUP_SQL_FILES, SAMPLE_TABLE } from './setup/setup-sql.js';
