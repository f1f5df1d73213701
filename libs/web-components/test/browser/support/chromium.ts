import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (never a downloaded browser): `CHROMIUM_PATH`, else `command -v chromium`. */
function findChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
    return found === '' ? undefined : found;
  } catch {
    return undefined;
  }
}

export const chromiumPath = findChromium();

if (chromiumPath === undefined) {
  const banner = '!'.repeat(78);
  console.warn(
    `\n${banner}\n!! NO CHROMIUM FOUND: the browser tests of web-components are SKIPPED, not passed.\n!! Install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.\n${banner}\n`,
  );
  if (process.env['CI'] === 'true') throw new Error('CI must run the browser tests, but no Chromium was found.');
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** Where screenshots go (gitignored). */
export function artifactPath(name: string): string {
  const dir = resolve(import.meta.dirname, '../../../../../test-artifacts/web-components');
  mkdirSync(dir, { recursive: true });
  return resolve(dir, name);
}
