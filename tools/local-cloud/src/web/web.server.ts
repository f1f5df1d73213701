import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { DevMailbox } from '../cognito/dev-mailbox.js';
import { sendJson } from '../http/http-io.js';
import { devMailPage, placeholderPage } from './web.pages.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebServerOptions {
  /** The built web app (`apps/web/dist`); a placeholder page is served until it exists. */
  readonly distDir: string;
  readonly mailbox: DevMailbox;
  /** The browser's configuration, served at `/config.json` (filled in once every service is up). */
  readonly config: () => unknown;
}

function html(res: import('node:http').ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
}

/** Static files of the web app, `/config.json`, and the dev mail page with Cognito's codes. */
export function createWebServer(options: WebServerOptions): Server {
  const root = resolve(options.distDir);
  return createServer((req, res) => {
    req.resume();
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { message: 'Method Not Allowed' });
      if (path === '/config.json') return sendJson(res, 200, options.config(), { 'cache-control': 'no-store' });
      if (path === '/_dev/mail.json') return sendJson(res, 200, options.mailbox.list(), { 'cache-control': 'no-store' });
      if (path === '/_dev/mail') return html(res, 200, devMailPage(options.mailbox.list()));
      if (!existsSync(join(root, 'index.html'))) return html(res, path === '/' ? 200 : 404, placeholderPage());
      let decoded: string;
      try {
        decoded = decodeURIComponent(path);
      } catch {
        return sendJson(res, 400, { message: 'Bad Request' });
      }
      const file = normalize(join(root, decoded));
      if (file !== root && !file.startsWith(root + sep)) return sendJson(res, 403, { message: 'Forbidden' });
      const target = existsSync(file) && statSync(file).isFile() ? file : extname(decoded) ? undefined : join(root, 'index.html');
      if (!target) return sendJson(res, 404, { message: 'Not Found' });
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream', 'content-length': body.length });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal Server Error' });
    });
  });
}
