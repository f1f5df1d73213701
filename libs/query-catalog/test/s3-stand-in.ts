import { createServer, type IncomingMessage, type Server } from 'node:http';
import { createHash, createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';

const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');
const hmac = (key: Buffer | string, text: string): Buffer => createHmac('sha256', key).update(text).digest();

const AUTHORIZATION = /^AWS4-HMAC-SHA256 Credential=([^/,]+)\/(\d{8})\/([^/,]+)\/s3\/aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$/;

/**
 * Just enough of S3's GetObject (path-style `GET /<bucket>/<key>`, ETag,
 * If-None-Match → 304, 404 NoSuchKey) on 127.0.0.1, and SigV4 checked the way
 * S3 does it, written here from the spec (not with the SDK's signer): a request
 * that is unsigned, signed for another region, or whose signature does not match
 * the canonical request as received gets S3's 403.
 */
export class S3StandIn {
  readonly objects = new Map<string, string>();
  /** Access key id → secret key accepted. */
  readonly keys = new Map([['local-key', 'local-secret']]);
  readonly region = 'eu-west-1';
  /** Statuses to answer the next requests with instead of serving them (e.g. 503). */
  readonly failNext: number[] = [];
  requests = 0;
  /** The access key id of the last request that passed the signature check. */
  lastAccessKeyId: string | undefined;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.requests += 1;
      const reply = (status: number, code: string, message: string): void => {
        response.writeHead(status, { 'content-type': 'application/xml' });
        response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message></Error>`);
      };
      const injected = this.failNext.shift();
      if (injected !== undefined) return reply(injected, injected >= 500 ? 'SlowDown' : 'AccessDenied', 'injected failure');
      const denied = this.signatureProblem(request);
      if (denied !== undefined) return reply(403, denied.code, denied.message);
      const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').slice(1);
      const body = this.objects.get(path);
      if (request.method !== 'GET' || body === undefined) return reply(404, 'NoSuchKey', 'The specified key does not exist.');
      const etag = `"${createHash('md5').update(body).digest('hex')}"`;
      if (request.headers['if-none-match'] === etag) {
        response.writeHead(304, { etag });
        response.end();
        return;
      }
      response.writeHead(200, { etag, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      response.end(body);
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  private signatureProblem(request: IncomingMessage): { code: string; message: string } | undefined {
    const match = AUTHORIZATION.exec(String(request.headers.authorization ?? ''));
    if (match === null) return { code: 'AccessDenied', message: 'missing or malformed SigV4 Authorization header' };
    const [, accessKeyId = '', date = '', region, signedHeaders = '', signature] = match;
    const secret = this.keys.get(accessKeyId);
    if (secret === undefined) return { code: 'InvalidAccessKeyId', message: `unknown access key ${accessKeyId}` };
    if (region !== this.region) return { code: 'AuthorizationHeaderMalformed', message: `the region '${region}' is wrong; expecting '${this.region}'` };
    const amzDate = String(request.headers['x-amz-date'] ?? '');
    const payloadHash = String(request.headers['x-amz-content-sha256'] ?? '');
    const names = signedHeaders.split(';');
    if (!amzDate.startsWith(date) || payloadHash === '' || !names.includes('host') || !names.includes('x-amz-date')) {
      return { code: 'AccessDenied', message: 'x-amz-date, x-amz-content-sha256 and a signed host header are required' };
    }
    const [path = '', query = ''] = (request.url ?? '').split('?');
    const canonical = [
      request.method,
      path,
      query.split('&').filter(Boolean).sort().join('&'),
      ...names.map((name) => `${name}:${String(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}`),
      '',
      signedHeaders,
      payloadHash,
    ].join('\n');
    const scope = `${date}/${region}/s3/aws4_request`;
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
    const key = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), 's3'), 'aws4_request');
    if (hmac(key, stringToSign).toString('hex') !== signature) return { code: 'SignatureDoesNotMatch', message: 'The request signature we calculated does not match the signature you provided.' };
    this.lastAccessKeyId = accessKeyId;
    return undefined;
  }
}
