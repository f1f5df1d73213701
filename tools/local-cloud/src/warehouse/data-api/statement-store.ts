import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFinal, type StatementRecord, type StoredResult } from './statement-record.js';

/** The latest background write of one file; while not started, later writes of that file join it. */
/** Result bytes (as ResultSize counts them; the heap holds several times more) kept in memory after their files are written. */
export const DEFAULT_RECENT_RESULT_BYTES = 16 * 1024 * 1024;

interface FileWrites {
  done: Promise<void>;
  started: boolean;
}

/**
 * Statement metadata and results, in memory and on disk under
 * `<stateDir>/data-api/`, so results outlive a restart until they expire.
 *
 * Memory is what every read sees; the disk follows in the background, off the
 * statement's path: a record changed several times in one event-loop turn
 * (PICKED, STARTED, FINISHED) is written once, each file has at most one write
 * running and one more queued (which writes the latest state), each write
 * replaces its file atomically, and a record is written only after its
 * results are on disk, so a record read back after a crash never names a
 * result that is missing. A result stays in memory until its file is written,
 * and the most recently saved or read results (up to `maxRecentResultBytes`)
 * stay there after that, so the first pages after FINISHED never wait for the disk.
 */
export class StatementStore {
  private readonly statements = new Map<string, StatementRecord>();
  private readonly unwrittenResults = new Map<string, StoredResult>();
  private readonly recentResults = new Map<string, { result: StoredResult; bytes: number }>();
  private recentBytes = 0;
  private readonly files = new Map<string, FileWrites>();
  private readonly dirty = new Set<string>();
  private flushScheduled = false;
  private readonly metaDir: string;
  private readonly resultDir: string;

  private constructor(
    root: string,
    private readonly retentionMs: number,
    private readonly maxRecentResultBytes: number,
  ) {
    this.metaDir = join(root, 'statements');
    this.resultDir = join(root, 'results');
  }

  /** Loads kept statements; drops expired ones; records statements a stop interrupted as ABORTED. */
  static async open(stateDir: string, retentionMs: number, maxRecentResultBytes = DEFAULT_RECENT_RESULT_BYTES): Promise<StatementStore> {
    const store = new StatementStore(join(stateDir, 'data-api'), retentionMs, maxRecentResultBytes);
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

  /** Records a new or changed statement; it reaches the disk in the background (once per event-loop turn). */
  save(record: StatementRecord): void {
    this.statements.set(record.id, record);
    this.dirty.add(record.id);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.writeDirty());
  }

  /** Keeps a sub-statement's result (about `bytes` large), readable at once; its file is written in the background. */
  saveResult(subStatementId: string, result: StoredResult, bytes: number): void {
    this.unwrittenResults.set(subStatementId, result);
    this.remember(subStatementId, result, bytes);
    const path = this.resultPath(subStatementId);
    void this.writeFile(path, () => JSON.stringify(result)).then(() => {
      if (this.unwrittenResults.get(subStatementId) === result) this.unwrittenResults.delete(subStatementId);
    }, () => undefined /* stays in memory: readable until a restart */);
  }

  async readResult(subStatementId: string): Promise<StoredResult> {
    const recent = this.recentResults.get(subStatementId);
    if (recent) {
      this.recentResults.delete(subStatementId);
      this.recentResults.set(subStatementId, recent);
      return recent.result;
    }
    const unwritten = this.unwrittenResults.get(subStatementId);
    if (unwritten) return unwritten;
    const text = await readFile(this.resultPath(subStatementId), 'utf8');
    const result = JSON.parse(text) as StoredResult;
    this.remember(subStatementId, result, text.length);
    return result;
  }

  /** Deletes statements (and their results) older than the retention period. */
  async expire(): Promise<void> {
    for (const record of [...this.statements.values()]) {
      if (!this.isExpired(record)) continue;
      this.statements.delete(record.id);
      this.dirty.delete(record.id);
      const paths = [this.recordPath(record.id), ...record.subStatements.map((sub) => this.resultPath(sub.id))];
      for (const sub of record.subStatements) {
        this.unwrittenResults.delete(sub.id);
        this.forget(sub.id);
      }
      // A write still running would put the file back after rm.
      await Promise.allSettled(paths.map((path) => this.files.get(path)?.done));
      for (const path of paths) await rm(path, { force: true });
    }
  }

  /** Writes every pending change and waits until all of it is on disk. */
  async flush(): Promise<void> {
    this.writeDirty();
    while (this.files.size > 0) await Promise.allSettled([...this.files.values()].map((file) => file.done));
  }

  private writeDirty(): void {
    this.flushScheduled = false;
    for (const id of this.dirty) {
      const record = this.statements.get(id);
      if (!record) continue;
      const results = (): (Promise<void> | undefined)[] => record.subStatements.map((sub) => this.files.get(this.resultPath(sub.id))?.done);
      void this.writeFile(this.recordPath(id), () => JSON.stringify(record), results).catch(() => undefined);
    }
    this.dirty.clear();
  }

  private remember(subStatementId: string, result: StoredResult, bytes: number): void {
    this.forget(subStatementId);
    if (bytes > this.maxRecentResultBytes) return;
    this.recentResults.set(subStatementId, { result, bytes });
    this.recentBytes += bytes;
    for (const [id, oldest] of this.recentResults) {
      if (this.recentBytes <= this.maxRecentResultBytes) break;
      this.recentResults.delete(id);
      this.recentBytes -= oldest.bytes;
    }
  }

  private forget(subStatementId: string): void {
    const kept = this.recentResults.get(subStatementId);
    if (!kept) return;
    this.recentResults.delete(subStatementId);
    this.recentBytes -= kept.bytes;
  }

  private isExpired(record: StatementRecord): boolean {
    return record.createdAt + this.retentionMs <= Date.now();
  }

  private recordPath(id: string): string {
    return join(this.metaDir, `${id}.json`);
  }

  private resultPath(subStatementId: string): string {
    return join(this.resultDir, `${subStatementId.replace(':', '_')}.json`);
  }

  /**
   * Writes `content()` to `path` (via a temporary file and rename) once the write already running
   * for that path and every write `waitFor()` names have settled. A call while one is queued joins
   * it: `content` is taken when the write starts, so the queued write carries the latest state.
   */
  private writeFile(path: string, content: () => string, waitFor: () => (Promise<void> | undefined)[] = () => []): Promise<void> {
    const current = this.files.get(path);
    if (current && !current.started) return current.done;
    const entry: FileWrites = { started: false, done: Promise.resolve() };
    const run = async (): Promise<void> => {
      for (let waits = waitFor().filter(Boolean); waits.length > 0; waits = waitFor().filter(Boolean)) await Promise.allSettled(waits);
      entry.started = true;
      const temporary = `${path}.tmp`;
      await writeFile(temporary, content());
      await rename(temporary, path);
    };
    entry.done = current ? current.done.catch(() => undefined).then(run) : run();
    // The entry leaves the map once its write settles, unless a newer one replaced it.
    const settled = (): void => {
      if (this.files.get(path) === entry) this.files.delete(path);
    };
    entry.done.then(settled, settled);
    this.files.set(path, entry);
    return entry.done;
  }
}
