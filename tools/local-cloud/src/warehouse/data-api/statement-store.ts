import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFinal, type StatementRecord, type StoredResult } from './statement-record.js';

/** Result bytes (as ResultSize counts them; the heap holds several times more) kept in memory after their files are written. */
export const DEFAULT_RECENT_RESULT_BYTES = 16 * 1024 * 1024;

/** How long changes wait before they are written (they batch up meanwhile). */
export const DEFAULT_PERSIST_DELAY_MS = 100;

export interface StatementStoreOptions {
  maxRecentResultBytes?: number;
  persistDelayMs?: number;
}

/** The latest background write of one file; while not started, later writes of that file join it. */
interface FileWrites {
  done: Promise<void>;
  started: boolean;
}

/**
 * Statement metadata and results, in memory and on disk under
 * `<stateDir>/data-api/`, so results outlive a restart until they expire.
 *
 * Memory is what every read sees; the disk follows in the background, off the
 * statement's path and out of the moments right after it ends (when its
 * status-change event is being delivered): changes are written in batches
 * `persistDelayMs` (100 ms) after the first unsaved change, so a statement that
 * passes PICKED, STARTED and FINISHED in that time is written once. Each file
 * has at most one write running and one queued (which writes the latest state),
 * each write replaces its file atomically, and a record is written only after
 * its results are on disk, so a record read back after a crash never names a
 * result that is missing. `flush()` (on stop) writes everything at once. A
 * result stays in memory until its file is written, and the most recently saved
 * or read results (up to `maxRecentResultBytes`) stay there after that, so the
 * first pages after FINISHED never wait for the disk.
 */
export class StatementStore {
  private readonly statements = new Map<string, StatementRecord>();
  private readonly byClientToken = new Map<string, string>();
  private readonly unwrittenResults = new Map<string, StoredResult>();
  private readonly recentResults = new Map<string, { result: StoredResult; bytes: number }>();
  private recentBytes = 0;
  private readonly files = new Map<string, FileWrites>();
  /** Opens when the batch of changes since it was made is due to be written. */
  private gate?: { opened: Promise<void>; open: () => void; timer: NodeJS.Timeout };
  private readonly metaDir: string;
  private readonly resultDir: string;

  private constructor(
    root: string,
    private readonly retentionMs: number,
    private readonly maxRecentResultBytes: number,
    private readonly persistDelayMs: number,
  ) {
    this.metaDir = join(root, 'statements');
    this.resultDir = join(root, 'results');
  }

  /** Loads kept statements; drops expired ones; records statements a stop interrupted as ABORTED. */
  static async open(stateDir: string, retentionMs: number, options: StatementStoreOptions = {}): Promise<StatementStore> {
    const store = new StatementStore(
      join(stateDir, 'data-api'),
      retentionMs,
      options.maxRecentResultBytes ?? DEFAULT_RECENT_RESULT_BYTES,
      options.persistDelayMs ?? DEFAULT_PERSIST_DELAY_MS,
    );
    await mkdir(store.metaDir, { recursive: true });
    await mkdir(store.resultDir, { recursive: true });
    for (const file of await readdir(store.metaDir)) {
      if (!file.endsWith('.json')) continue;
      const record = JSON.parse(await readFile(join(store.metaDir, file), 'utf8')) as StatementRecord;
      store.statements.set(record.id, record);
      if (record.clientToken !== undefined) store.byClientToken.set(record.clientToken, record.id);
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

  /** The unexpired statement submitted with this ClientToken, without scanning every statement. */
  findByClientToken(clientToken: string): StatementRecord | undefined {
    const id = this.byClientToken.get(clientToken);
    return id === undefined ? undefined : this.get(id);
  }

  all(): StatementRecord[] {
    return [...this.statements.values()].filter((record) => !this.isExpired(record));
  }

  /** Records a new or changed statement; it reaches the disk with the next batch of writes. */
  save(record: StatementRecord): void {
    this.statements.set(record.id, record);
    if (record.clientToken !== undefined) this.byClientToken.set(record.clientToken, record.id);
    const results = (): (Promise<void> | undefined)[] => record.subStatements.map((sub) => this.files.get(this.resultPath(sub.id))?.done);
    void this.writeFile(this.recordPath(record.id), () => JSON.stringify(record), this.nextBatch(), results).catch(() => undefined);
  }

  /** Keeps a sub-statement's result (about `bytes` large), readable at once; its file is written with the next batch. */
  saveResult(subStatementId: string, result: StoredResult, bytes: number): void {
    this.unwrittenResults.set(subStatementId, result);
    this.remember(subStatementId, result, bytes);
    void this.writeFile(this.resultPath(subStatementId), () => JSON.stringify(result), this.nextBatch()).then(() => {
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
      if (record.clientToken !== undefined && this.byClientToken.get(record.clientToken) === record.id) this.byClientToken.delete(record.clientToken);
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

  /** Writes every pending change now and waits until all of it is on disk. */
  async flush(): Promise<void> {
    this.openGate();
    while (this.files.size > 0) await Promise.allSettled([...this.files.values()].map((file) => file.done));
  }

  /** Settles when the current batch is due; the first change after a batch starts the next one. */
  private nextBatch(): Promise<void> {
    if (!this.gate) {
      let open = (): void => undefined;
      const opened = new Promise<void>((resolve) => (open = resolve));
      const timer = setTimeout(() => this.openGate(), this.persistDelayMs);
      this.gate = { opened, open, timer };
    }
    return this.gate.opened;
  }

  private openGate(): void {
    const gate = this.gate;
    if (!gate) return;
    this.gate = undefined;
    clearTimeout(gate.timer);
    gate.open();
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
   * Writes `content()` to `path` (via a temporary file and rename) once `batch` is due, the write
   * already running for that path has settled and every write `waitFor()` names has settled. A call
   * while one is queued joins it: `content` is taken when the write starts, so it carries the latest state.
   */
  private writeFile(path: string, content: () => string, batch: Promise<void>, waitFor: () => (Promise<void> | undefined)[] = () => []): Promise<void> {
    const current = this.files.get(path);
    if (current && !current.started) return current.done;
    const entry: FileWrites = { started: false, done: Promise.resolve() };
    const run = async (): Promise<void> => {
      await batch;
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
