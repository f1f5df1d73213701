import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { s3GetObject, type S3GetOptions } from './s3-get-object.js';

/** Why a catalog could not be loaded. */
export type CatalogLoadErrorCode = 'catalog_url_invalid' | 'catalog_unavailable' | 'catalog_invalid';

export class CatalogLoadError extends Error {
  constructor(
    readonly code: CatalogLoadErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CatalogLoadError';
  }
}

/** The bundle's text and a tag that changes when the stored object does (S3 ETag, or file mtime and size). */
export type FetchResult = { modified: true; text: string; tag: string } | { modified: false };

export interface FetchOptions {
  /** Region, endpoint and credentials for `s3://` URLs; by default from the environment and the SDK's credential chain. */
  s3?: S3GetOptions;
}

/** Fetches the bundle unless its tag is still `knownTag`. Supports `file://` and `s3://bucket/key`. */
export async function fetchCatalogText(url: string, knownTag: string | undefined, options: FetchOptions): Promise<FetchResult> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch (cause) {
    throw new CatalogLoadError('catalog_url_invalid', `catalog URL is not a URL: ${url}`, { cause });
  }
  if (parsed.protocol === 'file:') return fetchFile(parsed, knownTag);
  if (parsed.protocol === 's3:') return fetchS3(parsed, knownTag, options);
  throw new CatalogLoadError('catalog_url_invalid', `catalog URL must be file:// or s3://, not ${parsed.protocol}//`);
}

async function fetchFile(url: URL, knownTag: string | undefined): Promise<FetchResult> {
  const path = fileURLToPath(url);
  try {
    const info = await stat(path);
    const tag = `${info.mtimeMs}:${info.size}`;
    if (tag === knownTag) return { modified: false };
    return { modified: true, text: await readFile(path, 'utf8'), tag };
  } catch (cause) {
    throw new CatalogLoadError('catalog_unavailable', `cannot read the catalog at ${path}: ${(cause as Error).message}`, { cause });
  }
}

async function fetchS3(url: URL, knownTag: string | undefined, options: FetchOptions): Promise<FetchResult> {
  const bucket = url.hostname;
  const key = decodeURIComponent(url.pathname.slice(1));
  if (bucket === '' || key === '') throw new CatalogLoadError('catalog_url_invalid', `catalog URL must be s3://<bucket>/<key>, not ${url.href}`);
  // A static import: a dynamic one makes esbuild wrap every module the two graphs share in a
  // lazy initialiser, which costs each Lambda cold start more than loading the signer does.
  let result;
  try {
    result = await s3GetObject(bucket, key, knownTag, options.s3);
  } catch (cause) {
    throw new CatalogLoadError('catalog_unavailable', `cannot read the catalog at ${url.href}: ${(cause as Error).message}`, { cause });
  }
  if (result.kind === 'not-modified') return { modified: false };
  if (result.kind === 'ok') return { modified: true, text: result.text, tag: result.etag };
  const detail = `${result.errorCode}${result.errorMessage === '' ? '' : `: ${result.errorMessage}`}`;
  throw new CatalogLoadError('catalog_unavailable', `cannot read the catalog at ${url.href}: ${s3StatusText(result.status)} (${result.status} ${detail})`);
}

function s3StatusText(status: number): string {
  if (status === 403) return 'access denied (check the credentials and that they may s3:GetObject this object)';
  if (status === 404) return 'no such bucket or key';
  if (status === 301 || status === 307 || status === 400) return 'S3 refused the request (a wrong region or bucket name?)';
  if (status >= 500) return 'S3 failed after retries';
  return 'S3 refused the request';
}
