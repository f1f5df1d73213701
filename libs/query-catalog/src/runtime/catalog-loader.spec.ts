import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildRepositoryCatalog, reportOf } from '../../test/sample-catalog.js';
import { S3StandIn } from '../../test/s3-stand-in.js';
import { catalogContentHash } from '../catalog/content-hash.js';
import type { CatalogBundle } from '../catalog/report-definition.js';
import { CatalogLoadError } from './catalog-fetch.js';
import { CatalogSource, loadCatalog, parseCatalogBundle } from './catalog-loader.js';
import type { S3GetOptions } from './s3-get-object.js';

let catalog: CatalogBundle;
let dir: string;
beforeAll(async () => {
  catalog = await buildRepositoryCatalog();
  dir = await mkdtemp(join(tmpdir(), 'redwire-catalog-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A second valid catalog: the first report only, retitled. */
function changedCatalog(): CatalogBundle {
  const reports = [{ ...reportOf(catalog), title: 'Retitled' }];
  return { version: 1, contentHash: catalogContentHash(reports), reports };
}

async function writeBundle(name: string, bundle: unknown, mtime: Date): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, JSON.stringify(bundle));
  await utimes(path, mtime, mtime);
  return pathToFileURL(path).href;
}

describe('parseCatalogBundle', () => {
  it('accepts a built bundle and refuses one whose content does not match its hash', () => {
    expect(parseCatalogBundle(JSON.stringify(catalog), 'x').contentHash).toBe(catalog.contentHash);
    const tampered = { ...catalog, reports: catalog.reports.map((r) => ({ ...r, sql: `${r.sql}; DROP TABLE t` })) };
    expect(() => parseCatalogBundle(JSON.stringify(tampered), 'x')).toThrow(/does not match its contentHash/);
  });

  it('refuses text that is not JSON or not a bundle, with a typed error', () => {
    expect(() => parseCatalogBundle('{', 'x')).toThrow(CatalogLoadError);
    expect(() => parseCatalogBundle('{"version": 2}', 'x')).toThrow(expect.objectContaining({ code: 'catalog_invalid' }));
  });
});

describe('CatalogSource over file://', () => {
  it('loads the bundle, serves it from cache within the TTL, and notices a new version after it', async () => {
    let now = 1_000;
    const url = await writeBundle('a.json', catalog, new Date(2020, 0, 1));
    const source = new CatalogSource(url, { ttlMs: 5_000, now: () => now });
    const first = await source.get();
    expect(first.contentHash).toBe(catalog.contentHash);

    const next = changedCatalog();
    await writeBundle('a.json', next, new Date(2021, 0, 1));
    now += 4_999;
    expect(await source.get()).toBe(first);
    now += 1;
    expect((await source.get()).contentHash).toBe(next.contentHash);
  });

  it('keeps the same object when the file is rewritten with the same content', async () => {
    let now = 0;
    const url = await writeBundle('b.json', catalog, new Date(2020, 0, 1));
    const source = new CatalogSource(url, { ttlMs: 10, now: () => now });
    const first = await source.get();
    await writeBundle('b.json', catalog, new Date(2022, 0, 1));
    now = 100;
    expect(await source.get()).toBe(first);
  });

  it('keeps serving the last good catalog when a re-check fails, and reports why', async () => {
    let now = 0;
    const url = await writeBundle('c.json', catalog, new Date(2020, 0, 1));
    const errors: CatalogLoadError[] = [];
    const source = new CatalogSource(url, { ttlMs: 10, now: () => now, onStaleError: (error) => errors.push(error) });
    const first = await source.get();
    await writeBundle('c.json', { version: 1 }, new Date(2023, 0, 1));
    now = 100;
    expect(await source.get()).toBe(first);
    expect(errors.map((e) => e.code)).toEqual(['catalog_invalid']);
  });

  it('fails with a typed error when nothing was ever loaded', async () => {
    await expect(new CatalogSource(pathToFileURL(join(dir, 'missing.json')).href).get()).rejects.toMatchObject({ code: 'catalog_unavailable' });
    await expect(new CatalogSource('http://example.com/catalog.json').get()).rejects.toMatchObject({ code: 'catalog_url_invalid' });
    await expect(new CatalogSource('not a url').get()).rejects.toMatchObject({ code: 'catalog_url_invalid' });
    await expect(new CatalogSource('s3://bucket-only/').get()).rejects.toMatchObject({ code: 'catalog_url_invalid' });
  });

  it('asks the source once for concurrent first loads', async () => {
    const url = await writeBundle('d.json', catalog, new Date(2020, 0, 1));
    const source = new CatalogSource(url);
    const [a, b] = await Promise.all([source.get(), source.get()]);
    expect(a).toBe(b);
  });

  it('caches per URL in loadCatalog', async () => {
    const url = await writeBundle('e.json', catalog, new Date(2020, 0, 1));
    expect(await loadCatalog(url)).toBe(await loadCatalog(url));
  });
});

describe('CatalogSource over s3:// with a SigV4-signed GET against a local S3', () => {
  const s3 = new S3StandIn();
  let endpoint: string;
  const local = { accessKeyId: 'local-key', secretAccessKey: 'local-secret' };
  const options = (): S3GetOptions => ({ endpoint, region: s3.region, credentials: local });
  beforeAll(async () => {
    endpoint = await s3.start();
  });
  afterAll(async () => {
    await s3.stop();
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    s3.failNext.length = 0;
  });

  it('loads the bundle, re-checks with If-None-Match after the TTL, and picks up a new upload', async () => {
    let now = 0;
    s3.objects.set('catalogs/catalog.json', JSON.stringify(catalog));
    const staleErrors: CatalogLoadError[] = [];
    const source = new CatalogSource('s3://catalogs/catalog.json', { ttlMs: 1_000, now: () => now, s3: options(), onStaleError: (e) => staleErrors.push(e) });
    const first = await source.get();
    expect(first.contentHash).toBe(catalog.contentHash);

    now = 1_000;
    const requestsBeforeRecheck = s3.requests;
    expect(await source.get()).toBe(first); // 304 Not Modified
    expect(s3.requests).toBe(requestsBeforeRecheck + 1);

    const next = changedCatalog();
    s3.objects.set('catalogs/catalog.json', JSON.stringify(next));
    now = 1_500;
    expect(await source.get()).toBe(first); // still within the TTL: no request
    expect(s3.requests).toBe(requestsBeforeRecheck + 1);
    now = 2_000;
    expect((await source.get()).contentHash).toBe(next.contentHash);
    expect(staleErrors).toEqual([]);
  });

  it('signs keys with spaces and reserved characters so that S3 accepts the signature', async () => {
    s3.objects.set("catalogs/dir with space/caté (1)+'x'.json", JSON.stringify(catalog));
    const bundle = await new CatalogSource(`s3://catalogs/${encodeURIComponent("dir with space/caté (1)+'x'.json").replaceAll('%2F', '/')}`, { s3: options() }).get();
    expect(bundle.contentHash).toBe(catalog.contentHash);
  });

  it('uses AWS_REGION, AWS_ENDPOINT_URL_S3 and the SDK credential chain when no options are given', async () => {
    s3.objects.set('catalogs/env.json', JSON.stringify(catalog));
    s3.lastAccessKeyId = undefined;
    vi.stubEnv('AWS_REGION', s3.region);
    vi.stubEnv('AWS_ENDPOINT_URL_S3', endpoint);
    vi.stubEnv('AWS_ACCESS_KEY_ID', local.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', local.secretAccessKey);
    vi.stubEnv('AWS_PROFILE', undefined);
    expect((await new CatalogSource('s3://catalogs/env.json').get()).contentHash).toBe(catalog.contentHash);
    expect(s3.lastAccessKeyId).toBe('local-key');
  });

  it('maps a missing object, refused credentials and a wrong region to catalog_unavailable with the reason', async () => {
    await expect(new CatalogSource('s3://catalogs/none.json', { s3: options() }).get()).rejects.toMatchObject({
      code: 'catalog_unavailable',
      message: expect.stringMatching(/no such bucket or key \(404 NoSuchKey/),
    });
    s3.objects.set('catalogs/x.json', JSON.stringify(catalog));
    const wrongSecret = { ...options(), credentials: { ...local, secretAccessKey: 'other' } };
    await expect(new CatalogSource('s3://catalogs/x.json', { s3: wrongSecret }).get()).rejects.toMatchObject({
      code: 'catalog_unavailable',
      message: expect.stringMatching(/access denied .*\(403 SignatureDoesNotMatch/),
    });
    await expect(new CatalogSource('s3://catalogs/x.json', { s3: { ...options(), region: 'us-east-1' } }).get()).rejects.toMatchObject({
      code: 'catalog_unavailable',
      message: expect.stringMatching(/403 AuthorizationHeaderMalformed: the region 'us-east-1' is wrong/),
    });
  });

  it('retries 5xx answers and fails with catalog_unavailable once the attempts are used up', async () => {
    s3.objects.set('catalogs/flaky.json', JSON.stringify(catalog));
    s3.failNext.push(503, 500);
    expect((await new CatalogSource('s3://catalogs/flaky.json', { s3: options() }).get()).contentHash).toBe(catalog.contentHash);
    s3.failNext.push(503, 503);
    await expect(new CatalogSource('s3://catalogs/flaky.json', { s3: { ...options(), maxAttempts: 2 } }).get()).rejects.toMatchObject({
      code: 'catalog_unavailable',
      message: expect.stringMatching(/S3 failed after retries \(503 SlowDown: injected failure\)/),
    });
  });

  it('does not retry a 4xx answer', async () => {
    s3.failNext.push(403);
    const before = s3.requests;
    await expect(new CatalogSource('s3://catalogs/x.json', { s3: options() }).get()).rejects.toMatchObject({ message: expect.stringMatching(/403 AccessDenied/) });
    expect(s3.requests).toBe(before + 1);
  });

  it('fails with catalog_unavailable when S3 cannot be reached or no region is known', async () => {
    await expect(new CatalogSource('s3://catalogs/x.json', { s3: { ...options(), endpoint: 'http://127.0.0.1:1', maxAttempts: 1 } }).get()).rejects.toMatchObject({ code: 'catalog_unavailable' });
    vi.stubEnv('AWS_REGION', undefined);
    vi.stubEnv('AWS_DEFAULT_REGION', undefined);
    await expect(new CatalogSource('s3://catalogs/x.json', { s3: { endpoint, credentials: local } }).get()).rejects.toMatchObject({
      code: 'catalog_unavailable',
      message: expect.stringMatching(/set AWS_REGION/),
    });
  });
});
