import type { DuckDBConnection } from '@duckdb/node-api';
import { splitStatements } from '@redwire/query-catalog';
import type { ConnectionPool } from '../engine/connection-pool.js';
import { executeStatement, type StatementCaches, type StatementOutcome } from '../engine/statement-executor.js';
import { isFinal, type StatementRecord, type StatementStatus, type SubStatementRecord } from './statement-record.js';
import type { StatementStore } from './statement-store.js';

interface Running {
  connection?: DuckDBConnection;
  cancelled: boolean;
  interrupter?: NodeJS.Timeout;
}

/** An interrupt that lands between two queries of a statement is lost, so a cancel repeats it until the statement ends. */
const INTERRUPT_REPEAT_MS = 50;

const CANCELLED_MESSAGE = 'Query cancelled on user request (CancelStatement).';

/**
 * Moves statements through SUBMITTED → PICKED → STARTED → FINISHED | FAILED |
 * ABORTED on pooled DuckDB connections. A batch (or a multi-statement Sql) runs
 * in one transaction: the first failure rolls everything back.
 */
export class StatementRunner {
  private readonly running = new Map<string, Running>();
  private readonly finalWaiters = new Map<string, Set<() => void>>();
  private readonly tasks = new Set<Promise<void>>();

  constructor(
    private readonly pool: ConnectionPool,
    private readonly store: StatementStore,
    private readonly onFinal: (record: StatementRecord) => void,
    private readonly caches: StatementCaches = {},
  ) {}

  start(record: StatementRecord): void {
    const state: Running = { cancelled: false };
    this.running.set(record.id, state);
    const task = this.run(record, state).finally(() => {
      clearInterval(state.interrupter);
      this.running.delete(record.id);
      this.tasks.delete(task);
    });
    this.tasks.add(task);
  }

  /** True when the statement was still running and is now being aborted. */
  cancel(id: string): boolean {
    const state = this.running.get(id);
    if (!state || state.cancelled) return false;
    state.cancelled = true;
    state.connection?.interrupt();
    state.interrupter = setInterval(() => state.connection?.interrupt(), INTERRUPT_REPEAT_MS);
    return true;
  }

  /** Resolves when the statement is final or after `timeoutMs`, whichever comes first. */
  async waitForFinal(id: string, timeoutMs: number): Promise<void> {
    if (!this.running.has(id)) return;
    await new Promise<void>((resolve) => {
      const waiters = this.finalWaiters.get(id) ?? new Set();
      this.finalWaiters.set(id, waiters);
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      waiters.add(done);
    });
  }

  /** Aborts everything still running and waits until each statement is recorded. */
  async stop(): Promise<void> {
    for (const id of this.running.keys()) this.cancel(id);
    await Promise.allSettled([...this.tasks]);
  }

  private async run(record: StatementRecord, state: Running): Promise<void> {
    const connection = await this.pool.acquire();
    state.connection = connection;
    try {
      if (state.cancelled) return this.finish(record, 'ABORTED', CANCELLED_MESSAGE);
      // PICKED while the SQL is translated and bound on its connection; STARTED once DuckDB runs it.
      this.setStatus(record, 'PICKED');
      const started = (): void => {
        if (record.status === 'PICKED') this.setStatus(record, 'STARTED', false);
      };
      const parameters = new Map((record.parameters ?? []).map((p) => [p.name, p.value]));
      const units = record.isBatch
        ? record.subStatements.map((sub) => ({ sub, sqls: [sub.queryString] }))
        : [{ sub: record.subStatements[0] as SubStatementRecord, sqls: splitStatements(record.subStatements[0]?.queryString ?? '').map((s) => s.text) }];
      const transaction = units.length > 1 || (units[0]?.sqls.length ?? 0) > 1;
      if (transaction) await connection.run('BEGIN TRANSACTION');
      let failure: { status: 'FAILED' | 'ABORTED'; message: string } | undefined;
      for (const { sub, sqls } of units) {
        if (failure) {
          this.updateSub(record, sub, { status: 'ABORTED' });
          continue;
        }
        const startedAt = process.hrtime.bigint();
        try {
          let outcome: StatementOutcome | undefined;
          for (const sql of sqls) {
            if (state.cancelled) throw new Error(CANCELLED_MESSAGE);
            outcome = await executeStatement(connection, sql, parameters, () => {
              started();
              if (sub.status !== 'STARTED') this.updateSub(record, sub, { status: 'STARTED' });
            }, this.caches);
          }
          if (!outcome) throw new Error('the statement is empty');
          if (outcome.hasResultSet) this.store.saveResult(sub.id, { columns: outcome.columns, records: outcome.records }, outcome.size);
          this.updateSub(record, sub, {
            status: 'FINISHED',
            duration: Number(process.hrtime.bigint() - startedAt),
            resultRows: outcome.rows,
            resultSize: outcome.size,
            hasResultSet: outcome.hasResultSet,
          });
        } catch (error) {
          failure = state.cancelled
            ? { status: 'ABORTED', message: CANCELLED_MESSAGE }
            : { status: 'FAILED', message: error instanceof Error ? error.message : String(error) };
          this.updateSub(record, sub, { status: failure.status, error: failure.message, duration: Number(process.hrtime.bigint() - startedAt) });
        }
      }
      if (transaction) await connection.run(failure ? 'ROLLBACK' : 'COMMIT').catch(() => undefined);
      if (failure) this.finish(record, failure.status, failure.message);
      else this.finish(record, 'FINISHED');
    } catch (error) {
      this.finish(record, state.cancelled ? 'ABORTED' : 'FAILED', error instanceof Error ? error.message : String(error));
    } finally {
      state.connection = undefined;
      this.pool.release(connection);
    }
  }

  private setStatus(record: StatementRecord, status: StatementStatus, withSubStatements = true): void {
    const now = Date.now();
    record.status = status;
    record.updatedAt = now;
    if (withSubStatements) for (const sub of record.subStatements) if (!isFinal(sub.status)) Object.assign(sub, { status, updatedAt: now });
    this.store.save(record);
  }

  private updateSub(record: StatementRecord, sub: SubStatementRecord, change: Partial<SubStatementRecord>): void {
    Object.assign(sub, change, { updatedAt: Date.now() });
    this.store.save(record);
  }

  private finish(record: StatementRecord, status: 'FINISHED' | 'FAILED' | 'ABORTED', error?: string): void {
    const now = Date.now();
    for (const sub of record.subStatements) if (!isFinal(sub.status)) Object.assign(sub, { status: 'ABORTED', updatedAt: now });
    record.status = status;
    if (error !== undefined) record.error = error;
    record.updatedAt = now;
    record.duration = record.subStatements.reduce((total, sub) => total + Math.max(0, sub.duration), 0);
    this.store.save(record);
    this.onFinal(record);
    for (const wake of this.finalWaiters.get(record.id) ?? []) wake();
    this.finalWaiters.delete(record.id);
  }
}
