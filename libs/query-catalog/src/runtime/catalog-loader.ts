import { issueText } from '../catalog/describe-issue.js';
import { catalogContentHash } from '../catalog/content-hash.js';
import { catalogBundleSchema, type CatalogBundle } from '../catalog/report-definition.js';
import { CatalogLoadError, fetchCatalogText } from './catalog-fetch.js';
import type { S3GetOptions } from './s3-get-object.js';

export interface CatalogLoaderOptions {
  /** How long a loaded catalog is used before the source is asked whether it changed (default 60 s). */
  ttlMs?: number;
  /** For `s3://` URLs: region (default AWS_REGION), endpoint (default AWS_ENDPOINT_URL_S3, path-style) and credentials (default: the SDK's chain). */
  s3?: S3GetOptions;
  /** Clock (ms), for tests. */
  now?: () => number;
  /** Called when a re-check fails while a previously loaded catalog keeps being served. */
  onStaleError?: (error: CatalogLoadError) => void;
}

/** Parses and verifies a bundle's JSON text: shape, and that `contentHash` matches the reports. */
export function parseCatalogBundle(text: string, origin: string): CatalogBundle {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new CatalogLoadError('catalog_invalid', `catalog at ${origin} is not JSON`, { cause });
  }
  const parsed = catalogBundleSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CatalogLoadError('catalog_invalid', `catalog at ${origin} is not a valid bundle: ${issue === undefined ? 'invalid' : issueText(issue)}`);
  }
  if (catalogContentHash(parsed.data.reports) !== parsed.data.contentHash) {
    throw new CatalogLoadError('catalog_invalid', `catalog at ${origin} does not match its contentHash`);
  }
  return parsed.data;
}

/** A catalog location with its cache: `get()` returns the current bundle, re-checking the source after the TTL. */
export class CatalogSource {
  private bundle: CatalogBundle | undefined;
  private tag: string | undefined;
  private checkedAt = 0;
  private refreshing: Promise<CatalogBundle> | undefined;

  constructor(
    readonly url: string,
    private readonly options: CatalogLoaderOptions = {},
  ) {}

  async get(): Promise<CatalogBundle> {
    const now = (this.options.now ?? Date.now)();
    if (this.bundle !== undefined && now - this.checkedAt < (this.options.ttlMs ?? 60_000)) return this.bundle;
    this.refreshing ??= this.refresh(now).finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  private async refresh(now: number): Promise<CatalogBundle> {
    try {
      const result = await fetchCatalogText(this.url, this.tag, this.options);
      this.checkedAt = now;
      if (result.modified) {
        const next = parseCatalogBundle(result.text, this.url);
        this.tag = result.tag;
        // Same content under a new tag (a re-upload): keep the object, so per-report caches stay warm.
        if (this.bundle?.contentHash !== next.contentHash) this.bundle = next;
      }
      return this.bundle as CatalogBundle;
    } catch (error) {
      const failure = error instanceof CatalogLoadError ? error : new CatalogLoadError('catalog_unavailable', String(error), { cause: error });
      if (this.bundle === undefined) throw failure;
      this.checkedAt = now;
      this.options.onStaleError?.(failure);
      return this.bundle;
    }
  }
}

const sources = new Map<string, CatalogSource>();

/**
 * The catalog bundle at `url` (`file:///…/catalog.json` or `s3://bucket/key`),
 * validated, cached per URL for the process (a warm Lambda reuses it) and
 * re-checked after `ttlMs`; a changed object with new content replaces it.
 * Options are taken from the first call for a URL.
 * @throws {CatalogLoadError} when nothing valid was ever loaded from `url`.
 */
export function loadCatalog(url: string, options?: CatalogLoaderOptions): Promise<CatalogBundle> {
  let source = sources.get(url);
  if (source === undefined) {
    source = new CatalogSource(url, options);
    sources.set(url, source);
  }
  return source.get();
}
