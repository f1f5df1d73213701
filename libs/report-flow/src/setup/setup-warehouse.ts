import type { Logger } from '@redwire/config';
import { splitStatements } from '@redwire/query-catalog';
import type { Warehouse } from '@redwire/warehouse';
import { sampleCopySql, type SampleDataSource } from './sample-data-source.js';
import { SAMPLE_TABLE, SETUP_SQL_FILES } from './setup-sql.js';

export interface SetupDependencies {
  readonly warehouse: Pick<Warehouse, 'execute' | 'describe' | 'readResultPage'>;
  readonly logger: Logger;
  readonly sampleData?: SampleDataSource;
  /** Longest wait between DescribeStatement polls (default 1 s); polling starts at 50 ms and doubles. */
  readonly pollMs?: number;
  /** Give up waiting for one statement after this long (default 14 min, under Lambda's 15). */
  readonly statementTimeoutMs?: number;
}

export interface SetupReport {
  readonly statements: number;
  readonly rowsBefore: number;
  readonly loaded: boolean;
}

/**
 * Runs the idempotent setup DDL, then loads the sample data only into an empty table — never
 * again on a later deploy, update or delete. Statement names use `redwire-setup:` so the
 * notify rule (prefix `redwire:`) never sees them.
 */
export async function setupWarehouse(deps: SetupDependencies): Promise<SetupReport> {
  let statements = 0;
  for (const { file, sql } of SETUP_SQL_FILES) {
    for (const statement of splitStatements(sql)) {
      statements += 1;
      await runToEnd(deps, statement.text, `redwire-setup:${file}:${statements}`);
    }
  }
  const count = await runToEnd(deps, `SELECT count(*) AS row_count FROM ${SAMPLE_TABLE}`, 'redwire-setup:count');
  const page = await deps.warehouse.readResultPage(count);
  const rowsBefore = Number(page.rows[0]?.[0] ?? 0);
  const loaded = deps.sampleData !== undefined && rowsBefore === 0;
  if (deps.sampleData !== undefined && loaded) await runToEnd(deps, sampleCopySql(deps.sampleData), 'redwire-setup:sample-data');
  deps.logger.info({ statements, rowsBefore, loaded, sampleConfigured: deps.sampleData !== undefined }, 'warehouse setup done');
  return { statements, rowsBefore, loaded };
}

async function runToEnd(deps: SetupDependencies, sql: string, statementName: string): Promise<string> {
  const { statementId } = await deps.warehouse.execute({ sql, statementName, withEvent: false });
  const deadline = Date.now() + (deps.statementTimeoutMs ?? 14 * 60_000);
  let delay = Math.min(50, deps.pollMs ?? 1000);
  for (;;) {
    const description = await deps.warehouse.describe(statementId);
    if (description.state === 'finished') return statementId;
    if (description.state === 'failed' || description.state === 'aborted') {
      throw new Error(`setup statement ${statementName} ${description.state}: ${description.error?.message ?? 'no message'}`);
    }
    if (Date.now() > deadline) throw new Error(`setup statement ${statementName} did not finish in time`);
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, deps.pollMs ?? 1000);
  }
}
