import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StatementRecord, StoredResult } from './statement-record.js';
import { StatementStore } from './statement-store.js';

/** Every file operation the store starts, in order: `write <file>` / `rename <file>`. */
const operations: string[] = [];
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    writeFile: (async (path: string, data: string) => {
      operations.push(`write ${basename(path, '.tmp')}`);
      return real.writeFile(path, data);
    }) as typeof real.writeFile,
    rename: (async (from: string, to: string) => {
      operations.push(`rename ${basename(to)}`);
      return real.rename(from, to);
    }) as typeof real.rename,
  };
});

const HOUR = 3_600_000;
let stateDir: string;
beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'redwire-store-'));
  operations.length = 0;
});
afterEach(() => rm(stateDir, { recursive: true, force: true }));

function record(id: string, status: StatementRecord['status'] = 'SUBMITTED'): StatementRecord {
  const now = Date.now();
  return {
    id, isBatch: false, resultFormat: 'JSON', withEvent: false, status, createdAt: now, updatedAt: now, duration: -1,
    redshiftPid: 1, redshiftQueryId: 101,
    subStatements: [{ id, queryString: 'SELECT 1', status, createdAt: now, updatedAt: now, duration: -1, resultRows: -1, resultSize: -1, hasResultSet: false, redshiftQueryId: 101 }],
  };
}
const RESULT: StoredResult = { columns: [{ name: 'a', typeName: 'int4' } as StoredResult['columns'][number]], records: [[{ longValue: 1 }]] };
const writesOf = (file: string): number => operations.filter((op) => op === `write ${file}`).length;
const onDisk = async (id: string): Promise<StatementRecord> =>
  JSON.parse(await readFile(join(stateDir, 'data-api', 'statements', `${id}.json`), 'utf8')) as StatementRecord;

describe('statement store', () => {
  it('writes a record changed several times in one event-loop turn once, with its latest state', async () => {
    const store = await StatementStore.open(stateDir, HOUR);
    const r = record('s1');
    store.save(r);
    for (const status of ['PICKED', 'STARTED', 'FINISHED'] as const) {
      r.status = status;
      store.save(r);
    }
    await store.flush();
    expect(writesOf('s1.json')).toBe(1);
    expect((await onDisk('s1')).status).toBe('FINISHED');
  });

  it('writes nothing right away: changes go out together once the batch is due, or at once on flush', async () => {
    const store = await StatementStore.open(stateDir, HOUR, { persistDelayMs: 60 });
    store.saveResult('b1', RESULT, 40);
    store.save(record('b1', 'FINISHED'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(operations).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(writesOf('b1.json')).toBe(2);
    store.save(record('b2', 'FINISHED'));
    await store.flush();
    expect((await onDisk('b2')).status).toBe('FINISHED');
  });

  it('keeps at most one write queued per file, which carries the latest state', async () => {
    const store = await StatementStore.open(stateDir, HOUR);
    const r = record('s2');
    store.save(r);
    await new Promise((resolve) => setImmediate(resolve)); // the first write has started
    for (const status of ['PICKED', 'STARTED', 'FINISHED'] as const) {
      r.status = status;
      store.save(r);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await store.flush();
    expect(writesOf('s2.json')).toBeLessThanOrEqual(3);
    expect((await onDisk('s2')).status).toBe('FINISHED');
  });

  it('serves a result from memory at once, and from disk after a restart', async () => {
    const store = await StatementStore.open(stateDir, HOUR);
    const r = record('s3', 'FINISHED');
    store.saveResult('s3', RESULT, 40);
    store.save(r);
    expect(await store.readResult('s3')).toBe(RESULT);
    await store.flush();
    const reopened = await StatementStore.open(stateDir, HOUR);
    expect(reopened.get('s3')?.status).toBe('FINISHED');
    expect(await reopened.readResult('s3')).toEqual(RESULT);
  });

  it('keeps the most recent results in memory after their files are written, within its byte bound', async () => {
    const store = await StatementStore.open(stateDir, HOUR, { maxRecentResultBytes: 100 });
    const big: StoredResult = { ...RESULT, records: [[{ stringValue: 'x'.repeat(200) }]] };
    store.saveResult('r1', RESULT, 40);
    store.saveResult('r2', RESULT, 40);
    store.saveResult('r3', big, 200); // over the bound: on disk only
    await store.flush();
    expect(await store.readResult('r1')).toBe(RESULT);
    store.saveResult('r4', RESULT, 40); // r2 is now the least recently used and leaves
    await store.flush();
    expect(await store.readResult('r1')).toBe(RESULT);
    expect(await store.readResult('r4')).toBe(RESULT);
    const r2 = await store.readResult('r2');
    expect(r2).toEqual(RESULT);
    expect(r2).not.toBe(RESULT);
    expect(await store.readResult('r3')).toEqual(big);
    const reopened = await StatementStore.open(stateDir, HOUR);
    const fromDisk = await reopened.readResult('r1');
    expect(fromDisk).toEqual(RESULT);
    expect(await reopened.readResult('r1')).toBe(fromDisk);
  });

  it('writes a finished record only after its result is on disk', async () => {
    const store = await StatementStore.open(stateDir, HOUR);
    store.saveResult('s4', RESULT, 40);
    store.save(record('s4', 'FINISHED'));
    await store.flush();
    expect(operations.indexOf('rename s4.json')).toBeGreaterThanOrEqual(0);
    // Both files are named s4.json (one per folder): the first rename is the result's, and the record's write comes after it.
    const firstRename = operations.indexOf('rename s4.json');
    const writes = operations.flatMap((op, index) => (op === 'write s4.json' ? [index] : []));
    expect(writes).toHaveLength(2);
    expect(writes[1]).toBeGreaterThan(firstRename);
    expect(await readdir(join(stateDir, 'data-api', 'results'))).toEqual(['s4.json']);
  });

  it('records a statement that a stop interrupted as ABORTED when opened again', async () => {
    const store = await StatementStore.open(stateDir, HOUR);
    store.save(record('s5', 'STARTED'));
    await store.flush();
    const reopened = await StatementStore.open(stateDir, HOUR);
    expect(reopened.get('s5')).toMatchObject({ status: 'ABORTED', error: expect.stringMatching(/stopped before the statement finished/) });
    await reopened.flush();
    expect((await onDisk('s5')).status).toBe('ABORTED');
  });

  it('finds a statement by its ClientToken, also after a restart, until it expires', async () => {
    const store = await StatementStore.open(stateDir, 300);
    store.save({ ...record('s7', 'FINISHED'), clientToken: 'tok-7' });
    store.save(record('s8', 'FINISHED'));
    expect(store.findByClientToken('tok-7')?.id).toBe('s7');
    expect(store.findByClientToken('tok-8')).toBeUndefined();
    await store.flush();
    const reopened = await StatementStore.open(stateDir, 300);
    expect(reopened.findByClientToken('tok-7')?.id).toBe('s7');
    await new Promise((resolve) => setTimeout(resolve, 320));
    expect(reopened.findByClientToken('tok-7')).toBeUndefined();
    await reopened.expire();
    expect(reopened.findByClientToken('tok-7')).toBeUndefined();
  });

  it('forgets expired statements with their results, in memory and on disk', async () => {
    const store = await StatementStore.open(stateDir, 50);
    store.saveResult('s6', RESULT, 40);
    store.save(record('s6', 'FINISHED'));
    await new Promise((resolve) => setTimeout(resolve, 60));
    await store.expire();
    await store.flush();
    expect(store.get('s6')).toBeUndefined();
    await expect(store.readResult('s6')).rejects.toThrow(/ENOENT/);
    expect(await readdir(join(stateDir, 'data-api', 'statements'))).toEqual([]);
    expect(await readdir(join(stateDir, 'data-api', 'results'))).toEqual([]);
  });
});
