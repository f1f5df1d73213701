import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
// The journey drives the local cloud (a tool) in-process, serving the built apps/web.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ephemeralPorts, startLocalCloud, WORKSPACE_ROOT, type LocalCloud } from '@redwire/local-cloud';
import { buildCatalogFromFiles, writeCatalogBundle } from '@redwire/query-catalog';
import { ENV } from '@redwire/system';
import { chromium, type Browser } from 'playwright-core';
import { pino } from 'pino';

export const WEB_DIST = join(WORKSPACE_ROOT, 'apps/web/dist');

/** Debian's Chromium (never a downloaded browser). */
export const chromiumPath = (() => {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
})();

if (chromiumPath === undefined) {
  console.warn('\n!!!!!!!! NO CHROMIUM FOUND: the browser journey is SKIPPED, not passed (apt-get install chromium). !!!!!!!!\n');
  if (process.env['CI'] === 'true') throw new Error('CI must run the browser journey, but no Chromium was found.');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export function artifactPath(name: string): string {
  const dir = join(WORKSPACE_ROOT, 'test-artifacts/e2e-browser');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

export interface BrowserCloud {
  readonly cloud: LocalCloud;
  close(): Promise<void>;
}

/** The local cloud on ephemeral ports with the real catalog plus a test-only slow report, serving apps/web/dist. */
export async function startBrowserCloud(): Promise<BrowserCloud> {
  if (!existsSync(join(WEB_DIST, 'index.html'))) throw new Error('Build the web app first: npx nx build web');
  const stateDir = mkdtempSync(join(tmpdir(), 'redwire-browser-'));
  const files = new Map<string, string>();
  for (const dir of [join(WORKSPACE_ROOT, 'sql/reports'), resolve(import.meta.dirname, '../reports')]) {
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.sql'))) files.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  const catalogUrl = pathToFileURL(await writeCatalogBundle(await buildCatalogFromFiles(files), join(stateDir, 'catalog'))).href;
  const cloud = await startLocalCloud({
    ports: ephemeralPorts(),
    stateDir,
    sampleRows: 20_000,
    webDistDir: WEB_DIST,
    warehouseOptions: { enableTestFunctions: true },
    logger: pino({ level: process.env['REDWIRE_E2E_LOGS'] ?? 'silent' }),
    environment: { [ENV.catalogUrl]: catalogUrl, [ENV.logLevel]: process.env['REDWIRE_E2E_LOGS'] ?? 'silent' },
  });
  return {
    cloud,
    async close() {
      await cloud.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** The newest verification code the dev mail page holds for `email`. */
export async function codeFor(web: string, email: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = (await (await fetch(`${web.replace(/\/$/, '')}/_dev/mail.json`)).json()) as { to: string; code: string; sentAt: string }[];
    const mine = mails.filter((mail) => mail.to === email).sort((a, b) => a.sentAt.localeCompare(b.sentAt));
    const code = mine.at(-1)?.code;
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no code was mailed to ${email}`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
