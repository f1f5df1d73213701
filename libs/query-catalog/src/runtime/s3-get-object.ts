import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Hash } from '@smithy/core/serde';
import { SignatureV4 } from '@smithy/signature-v4';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * One S3 GetObject as a SigV4-signed HTTPS GET, instead of `@aws-sdk/client-s3`
 * (~200 KiB in a Lambda bundle for this one call). The signer, the hash and the
 * default credential chain are the ones the other SDK clients already bundle.
 */
export interface S3GetOptions {
  /** Default: AWS_REGION, then AWS_DEFAULT_REGION. */
  region?: string;
  /** A custom endpoint, addressed path-style (`<endpoint>/<bucket>/<key>`). Default: AWS_ENDPOINT_URL_S3, then AWS_ENDPOINT_URL; else AWS's virtual-hosted endpoint. */
  endpoint?: string;
  /** Default: the SDK's credential chain (environment, profile, web identity, container, instance metadata). */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider;
  /** Attempts for network errors and 5xx answers (default 3). */
  maxAttempts?: number;
  /** Per attempt (default 10 s). */
  timeoutMs?: number;
}

export type S3GetResult =
  | { kind: 'ok'; text: string; etag: string }
  | { kind: 'not-modified' }
  /** Any other answer: the HTTP status and S3's error code and message from the XML body, when there is one. */
  | { kind: 'failed'; status: number; errorCode: string; errorMessage: string };

let chain: AwsCredentialIdentityProvider | undefined;

function credentialsFor(options: S3GetOptions): AwsCredentialIdentity | AwsCredentialIdentityProvider {
  chain ??= defaultProvider();
  return options.credentials ?? chain;
}

/** RFC 3986 encoding of each key segment, `/` kept: the path S3 signs and the one sent are the same text. */
export function encodeS3Key(key: string): string {
  return key
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

/** The URL for `bucket`/`key`: path-style against a custom endpoint (or a dotted bucket name), virtual-hosted otherwise. */
export function s3ObjectUrl(bucket: string, key: string, region: string, endpoint: string | undefined): URL {
  const path = encodeS3Key(key);
  if (endpoint !== undefined && endpoint !== '') return new URL(`${endpoint.replace(/\/+$/, '')}/${bucket}/${path}`);
  if (bucket.includes('.')) return new URL(`https://s3.${region}.amazonaws.com/${bucket}/${path}`);
  return new URL(`https://${bucket}.s3.${region}.amazonaws.com/${path}`);
}

/** GETs the object, conditional on `ifNoneMatch` when given. Throws only for a network failure or timeout after the last attempt. */
export async function s3GetObject(bucket: string, key: string, ifNoneMatch: string | undefined, options: S3GetOptions = {}): Promise<S3GetResult> {
  const region = options.region ?? process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'];
  if (region === undefined || region === '') throw new Error('no AWS region: set AWS_REGION');
  const url = s3ObjectUrl(bucket, key, region, options.endpoint ?? process.env['AWS_ENDPOINT_URL_S3'] ?? process.env['AWS_ENDPOINT_URL']);
  const signer = new SignatureV4({ service: 's3', region, credentials: credentialsFor(options), sha256: Hash.bind(null, 'sha256'), uriEscapePath: false });
  const attempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const result = await attemptGet(url, ifNoneMatch, signer, options.timeoutMs ?? 10_000);
      if (result.kind !== 'failed' || result.status < 500 || attempt >= attempts) return result;
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
  }
}

async function attemptGet(url: URL, ifNoneMatch: string | undefined, signer: SignatureV4, timeoutMs: number): Promise<S3GetResult> {
  const headers: Record<string, string> = { host: url.host };
  if (ifNoneMatch !== undefined) headers['if-none-match'] = ifNoneMatch;
  // Signed per attempt: x-amz-date must be fresh and temporary credentials may have been refreshed.
  const signed = await signer.sign({ method: 'GET', protocol: url.protocol, hostname: url.hostname, port: url.port === '' ? undefined : Number(url.port), path: url.pathname, query: {}, headers });
  const { host: _host, ...sent } = signed.headers;
  const response = await fetch(url, { method: 'GET', headers: sent, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
  if (response.status === 304) {
    await response.body?.cancel();
    return { kind: 'not-modified' };
  }
  const text = await response.text();
  if (response.status === 200) return { kind: 'ok', text, etag: response.headers.get('etag') ?? '' };
  return { kind: 'failed', status: response.status, errorCode: xmlField(text, 'Code') ?? `HTTP ${response.status}`, errorMessage: xmlField(text, 'Message') ?? '' };
}

function xmlField(xml: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1];
}
