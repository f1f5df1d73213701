import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const DIST = resolve(import.meta.dirname, '../dist');

function findChromium(): string | undefined {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}
const chromiumPath = process.env['CHROMIUM_PATH'] ?? findChromium();
if (chromiumPath === undefined) {
  console.warn('\n!!!!!!!! NO CHROMIUM FOUND: the browser tests of apps/web are SKIPPED, not passed (apt-get install chromium). !!!!!!!!\n');
  if (process.env['CI'] === 'true') throw new Error('CI must run the browser tests, but no Chromium was found.');
}

/** Serves apps/web/dist as the local cloud does, with a config.json whose services are not reachable. */
function serveDist(): Promise<Server> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/config.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({ websocket: 'ws://127.0.0.1:9/ws', rest: 'http://127.0.0.1:9', cognito: 'http://127.0.0.1:9/', userPoolId: 'local_test', userPoolClientId: 'client', region: 'us-east-1', authFlow: 'USER_PASSWORD_AUTH' }),
      );
      return;
    }
    const file = normalize(join(DIST, path === '/' ? 'index.html' : path));
    if (!file.startsWith(DIST) || !existsSync(file)) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': { '.js': 'text/javascript', '.ico': 'image/x-icon' }[extname(file)] ?? 'text/html' });
    response.end(readFileSync(file));
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

describe.skipIf(chromiumPath === undefined)('the built web app in Chromium', () => {
  let browser: Browser;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    if (!existsSync(join(DIST, 'index.html'))) throw new Error('Build first: npx nx build web');
    [browser, server] = await Promise.all([
      chromium.launch({
        executablePath: chromiumPath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      }),
      serveDist(),
    ]);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => server?.close(done));
  });

  it.each(['/', '/embed.html'])('%s loads its one module, reads config.json and shows the sign-in form without a page error', async (path) => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
    const configRead = page.waitForRequest((request) => request.url().endsWith('/config.json'));
    await page.goto(base + path);
    await configRead;
    await page.getByRole('heading', { name: 'Sign in' }).waitFor({ timeout: 10_000 });
    expect(await page.getByLabel('Email').isVisible()).toBe(true);
    expect(await page.evaluate(() => ['redwire-session', 'redwire-report', 'redwire-sign-in'].map((tag) => customElements.get(tag) !== undefined))).toEqual([true, true, true]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('embed.html is a plain page: one module script, elements configured by attributes only', () => {
    const html = readFileSync(join(DIST, 'embed.html'), 'utf8');
    expect(html.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="./redwire-elements.js">']);
    expect(html).not.toMatch(/<style|on\w+=/);
  });
});
