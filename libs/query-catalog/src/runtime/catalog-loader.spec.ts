import { S3Client } from '@aws-sdk/client-s3';
import { mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRepositoryCatalog, reportOf } from '../../test/sample-catalog.js';
import { S3StandIn } from '../../test/s3-stand-in.js';
import { catalogContentHash } from '../catalog/content-hash.js';
import type { CatalogBundle } from '../catalog/report-definition.js';
import { CatalogLoadError } from './catalog-fetch.js';
import { CatalogSource, loadCatalog, parseCatalogBundle } from './catalog-loader.js';

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

describe('CatalogSource over s3:// with the real S3 client', () => {
  const s3 = new S3StandIn();
  let client: S3Client;
  beforeAll(async () => {
    const endpoint = await s3.start();
    client = new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 });
  });
  afterAll(async () => {
    client.destroy();
    await s3.stop();
  });

  it('loads the bundle, re-checks with If-None-Match after the TTL, and picks up a new upload', async () => {
    let now = 0;
    s3.objects.set('catalogs/catalog.json', JSON.stringify(catalog));
    const staleErrors: CatalogLoadError[] = [];
    const source = new CatalogSource('s3://catalogs/catalog.json', { ttlMs: 1_000, now: () => now, s3Client: client, onStaleError: (e) => staleErrors.push(e) });
    const first = await source.get();
    expect(first.contentHash).toBe(catalog.contentHash);

    now = 1_000;
    expect(await source.get()).toBe(first); // 304 Not Modified
    const requestsAfterRecheck = s3.requests;

    const next = changedCatalog();
    s3.objects.set('catalogs/catalog.json', JSON.stringify(next));
    now = 1_500;
    expect(await source.get()).toBe(first); // still within the TTL: no request
    expect(s3.requests).toBe(requestsAfterRecheck);
    now = 2_000;
    expect((await source.get()).contentHash).toBe(next.contentHash);
    expect(staleErrors).toEqual([]);
  });

  it('fails with catalog_unavailable when the object does not exist', async () => {
    await expect(new CatalogSource('s3://catalogs/none.json', { s3Client: client }).get()).rejects.toMatchObject({ code: 'catalog_unavailable' });
  });
});
