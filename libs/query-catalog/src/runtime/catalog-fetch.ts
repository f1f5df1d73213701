import type { S3Client } from '@aws-sdk/client-s3';
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

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

/** Just what the loader needs from an S3 client, so a shared or pre-configured one can be passed. */
export type S3Sender = Pick<S3Client, 'send'>;

export interface FetchOptions {
  s3Client?: S3Sender;
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

let defaultS3Client: Promise<S3Sender> | undefined;

/** The SDK's default client (region and endpoint from the environment, e.g. AWS_ENDPOINT_URL_S3), loaded on first use. */
function s3ClientFromEnvironment(): Promise<S3Sender> {
  defaultS3Client ??= import('@aws-sdk/client-s3').then(({ S3Client }) => new S3Client({}));
  return defaultS3Client;
}

async function fetchS3(url: URL, knownTag: string | undefined, options: FetchOptions): Promise<FetchResult> {
  const bucket = url.hostname;
  const key = decodeURIComponent(url.pathname.slice(1));
  if (bucket === '' || key === '') throw new CatalogLoadError('catalog_url_invalid', `catalog URL must be s3://<bucket>/<key>, not ${url.href}`);
  const client = options.s3Client ?? (await s3ClientFromEnvironment());
  const { GetObjectCommand } = await import('@aws-sdk/client-s3');
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key, IfNoneMatch: knownTag }));
    const text = await response.Body?.transformToString('utf8');
    if (text === undefined) throw new Error('the object has no body');
    return { modified: true, text, tag: response.ETag ?? '' };
  } catch (cause) {
    const status = (cause as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 304) return { modified: false };
    throw new CatalogLoadError('catalog_unavailable', `cannot read the catalog at ${url.href}: ${(cause as Error).message}`, { cause });
  }
}
