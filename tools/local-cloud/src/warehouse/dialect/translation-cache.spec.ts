import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duckdbCodec } from './duckdb-codec.js';
import { openDialectHarness } from './dialect-harness.js';
import type { SqlTreeCodec } from './redshift-dialect.js';
import { TranslationCache } from './translation-cache.js';

let harness: Awaited<ReturnType<typeof openDialectHarness>>;
beforeAll(async () => {
  harness = await openDialectHarness();
});
afterAll(() => harness.close());

/** The DuckDB codec, counting its round trips; `failNext` makes the next serialize throw. */
function countingCodec(): SqlTreeCodec & { calls: number; failNext: boolean } {
  const real = duckdbCodec(harness.connection);
  const codec = {
    calls: 0,
    failNext: false,
    async serialize(sql: string) {
      codec.calls += 1;
      if (codec.failNext) {
        codec.failNext = false;
        throw new Error('connection lost');
      }
      return real.serialize(sql);
    },
    async deserialize(json: string) {
      codec.calls += 1;
      return real.deserialize(json);
    },
  };
  return codec;
}

const REDSHIFT = 'SELECT nvl(NULL, $1) AS v, datediff(minutes, TIMESTAMP \'2015-01-01 10:00\', TIMESTAMP \'2015-01-01 11:00\') AS d';

describe('translation cache', () => {
  it('translates a statement text once and answers repeats without DuckDB, with the same SQL', async () => {
    const cache = new TranslationCache();
    const codec = countingCodec();
    const first = await cache.translate(REDSHIFT, codec);
    const callsForFirst = codec.calls;
    expect(callsForFirst).toBe(2);
    expect(first).toBe(await harness.translate(REDSHIFT));
    expect(await cache.translate(REDSHIFT, codec)).toBe(first);
    expect(await cache.translate(REDSHIFT, codec)).toBe(first);
    expect(codec.calls).toBe(callsForFirst);
    expect({ hits: cache.hits, misses: cache.misses, size: cache.size }).toEqual({ hits: 2, misses: 1, size: 1 });
  });

  it('keys on the text: other text is translated on its own', async () => {
    const cache = new TranslationCache();
    const codec = countingCodec();
    const a = await cache.translate('SELECT nvl($1, 0) AS a', codec);
    const b = await cache.translate('SELECT nvl($1, 1) AS a', codec);
    expect(a).not.toBe(b);
    expect(b).toMatch(/COALESCE\(\$1, 1\)/i);
    expect(cache.misses).toBe(2);
  });

  it('does not keep a failed translation: the next attempt translates again', async () => {
    const cache = new TranslationCache();
    const codec = countingCodec();
    codec.failNext = true;
    await expect(cache.translate(REDSHIFT, codec)).rejects.toThrow('connection lost');
    expect(cache.size).toBe(0);
    expect(await cache.translate(REDSHIFT, codec)).toBe(await harness.translate(REDSHIFT));
    expect(cache.misses).toBe(2);
  });

  it('does not keep a rejected dialect construct (TOP outside SELECT)', async () => {
    const cache = new TranslationCache();
    const codec = countingCodec();
    await expect(cache.translate('INSERT INTO t SELECT TOP 1 a FROM s', codec)).rejects.toThrow(/TOP n is supported in SELECT/);
    expect(cache.size).toBe(0);
  });

  it('drops the least recently used text past its bound and never keeps overlong text', async () => {
    const cache = new TranslationCache({ maxEntries: 2, maxSqlChars: 40 });
    const codec = countingCodec();
    await cache.translate('SELECT 1 AS a', codec);
    await cache.translate('SELECT 2 AS a', codec);
    await cache.translate('SELECT 1 AS a', codec); // now most recent
    await cache.translate('SELECT 3 AS a', codec); // evicts SELECT 2
    const calls = codec.calls;
    await cache.translate('SELECT 1 AS a', codec);
    expect(codec.calls).toBe(calls);
    await cache.translate('SELECT 2 AS a', codec);
    expect(codec.calls).toBe(calls + 1);
    const long = `SELECT 1 AS a -- ${'x'.repeat(40)}`;
    await cache.translate(long, codec);
    await cache.translate(long, codec);
    expect(codec.calls).toBe(calls + 3);
    expect(cache.size).toBe(2);
  });
});
