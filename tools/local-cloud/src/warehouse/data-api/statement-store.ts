import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFinal, type StatementRecord, type StoredResult } from './statement-record.js';

/**
 * Statement metadata and results, in memory and on disk under
 * `<stateDir>/data-api/`, so results outlive a restart until they expire.
 * Writes for one file are serialized; each write replaces the file atomically.
 */
export class StatementStore {
  private readonly statements = new Map<string, StatementRecord>();
  private readonly writes = new Map<string, Promise<void>>();
  private readonly metaDir: string;
  private readonly resultDir: string;

  private constructor(root: string, private readonly retentionMs: number) {
    this.metaDir = join(root, 'statements');
    this.resultDir = join(root, 'results');
  }

  /** Loads kept statements; drops expired ones; records statements a stop interrupted as ABORTED. */
  static async open(stateDir: string, retentionMs: number): Promise<StatementStore> {
    const store = new StatementStore(join(stateDir, 'data-api'), retentionMs);
    await mkdir(store.metaDir, { recursive: true });
    await mkdir(store.resultDir, { recursive: true });
    for (const file of await readdir(store.metaDir)) {
      if (!file.endsWith('.json')) continue;
      const record = JSON.parse(await readFile(join(store.metaDir, file), 'utf8')) as StatementRecord;
      store.statements.set(record.id, record);
      if (!isFinal(record.status)) {
        const now = Date.now();
        record.status = 'ABORTED';
        record.error = 'The local warehouse stopped before the statement finished.';
        record.updatedAt = now;
        for (const sub of record.subStatements) if (!isFinal(sub.status)) Object.assign(sub, { status: 'ABORTED', updatedAt: now });
        store.save(record);
      }
    }
    await store.expire();
    return store;
  }

  get(id: string): StatementRecord | undefined {
    const record = this.statements.get(id);
    return record && !this.isExpired(record) ? record : undefined;
  }

  all(): StatementRecord[] {
    return [...this.statements.values()].filter((record) => !this.isExpired(record));
  }

  /** Records a new or changed statement and persists it in the background. */
  save(record: StatementRecord): void {
    this.statements.set(record.id, record);
    this.write(join(this.metaDir, `${record.id}.json`), JSON.stringify(record));
  }

  async saveResult(subStatementId: string, result: StoredResult): Promise<void> {
    await this.write(this.resultPath(subStatementId), JSON.stringify(result));
  }

  async readResult(subStatementId: string): Promise<StoredResult> {
    await this.writes.get(this.resultPath(subStatementId));
    return JSON.parse(await readFile(this.resultPath(subStatementId), 'utf8')) as StoredResult;
  }

  /** Deletes statements (and their results) older than the retention period. */
  async expire(): Promise<void> {
    for (const record of [...this.statements.values()]) {
      if (!this.isExpired(record)) continue;
      this.statements.delete(record.id);
      await rm(join(this.metaDir, `${record.id}.json`), { force: true });
      for (const sub of record.subStatements) await rm(this.resultPath(sub.id), { force: true });
    }
  }

  /** Waits for every pending write. */
  async flush(): Promise<void> {
    await Promise.all(this.writes.values());
  }

  private isExpired(record: StatementRecord): boolean {
    return record.createdAt + this.retentionMs <= Date.now();
  }

  private resultPath(subStatementId: string): string {
    return join(this.resultDir, `${subStatementId.replace(':', '_')}.json`);
  }

  private write(path: string, content: string): Promise<void> {
    const previous = this.writes.get(path) ?? Promise.resolve();
    const next = previous.then(async () => {
      const temporary = `${path}.tmp`;
      await writeFile(temporary, content);
      await rename(temporary, path);
    });
    const tracked = next.finally(() => {
      if (this.writes.get(path) === tracked) this.writes.delete(path);
    });
    this.writes.set(path, tracked);
    return next;
  }
}
