import { randomBytes } from 'node:crypto';
import { ENV } from '@redwire/system';
import { loggerFor, sampleDataSourceFrom, setupWarehouse, warehouseFromEnv, type SetupReport } from '@redwire/report-flow';

/**
 * Invoked by the deployment: runs sql/setup idempotently and COPYs the sample data only into an
 * empty table (never reloads). Without REDWIRE_SAMPLE_DATA_URL nothing is loaded (the local stand-in
 * generates its own sample).
 */
const logger = loggerFor('setup-warehouse');
// Cursors are only used within one invocation here, so a throwaway key serves.
const warehouse = warehouseFromEnv({ ...process.env, [ENV.cursorSecret]: randomBytes(32).toString('base64url') }, { withCursors: true });
const sampleData = sampleDataSourceFrom(process.env[ENV.sampleDataUrl], process.env[ENV.sampleDataRoleArn]);

export async function handler(): Promise<SetupReport> {
  return setupWarehouse({ warehouse, logger, ...(sampleData ? { sampleData } : {}) });
}
