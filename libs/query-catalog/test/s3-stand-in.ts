import { createServer, type Server } from 'node:http';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/**
 * Just enough of S3's GetObject (path-style `GET /<bucket>/<key>`, ETag,
 * If-None-Match → 304, 404 NoSuchKey) for a real S3Client to talk to, on 127.0.0.1.
 */
export class S3StandIn {
  readonly objects = new Map<string, string>();
  requests = 0;
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.requests += 1;
      const path = decodeURIComponent((request.url ?? '').split('?')[0] ?? '').slice(1);
      const body = this.objects.get(path);
      if (request.method !== 'GET' || body === undefined) {
        response.writeHead(404, { 'content-type': 'application/xml' });
        response.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>');
        return;
      }
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
}
