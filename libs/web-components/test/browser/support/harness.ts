import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { LocalCognito } from './cognito-local.js';
import type { FakeBackend } from './fake-backend.js';

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors: a healthy page has none. */
  problems: string[];
  /** Every console line, to prove no token or password is logged. */
  consoleLines: string[];
}

/** The session configuration a deployment's config.json gives (same keys as .redwire/endpoints.json). */
export function configFor(backend: FakeBackend, cognito: LocalCognito): Record<string, string> {
  return {
    web: backend.url,
    websocket: backend.wsUrl,
    rest: backend.url,
    cognito: cognito.endpoint,
    userPoolId: cognito.userPoolId,
    userPoolClientId: cognito.clientId,
    region: 'us-east-1',
  };
}

export async function openPage(
  browser: Browser,
  url: string,
  options: { timezoneId?: string; storageState?: Awaited<ReturnType<BrowserContext['storageState']>> } = {},
): Promise<OpenedPage> {
  const context = await browser.newContext({ timezoneId: options.timezoneId, storageState: options.storageState, acceptDownloads: true });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  const problems: string[] = [];
  const consoleLines: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    consoleLines.push(message.text());
    // A refused WebSocket or 4xx fetch is logged by Chromium itself; tests that provoke them filter these.
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  return { context, page, problems, consoleLines };
}

/** Signs in through the real form; returns the storage a later context can start from. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(`Signed in as ${email}`).waitFor();
}

/** Neither secret may appear on screen or in the console. */
export async function expectNoSecretsShown(opened: OpenedPage, secrets: string[]): Promise<void> {
  const text = await opened.page.evaluate(() => {
    const collect = (root: Document | ShadowRoot): string =>
      [...root.querySelectorAll('*')].map((el) => (el.shadowRoot ? collect(el.shadowRoot) : '') + (el.children.length === 0 ? el.textContent ?? '' : '')).join(' ') +
      [...root.querySelectorAll('input')].map((input) => (input.type === 'password' ? '' : input.value)).join(' ');
    return collect(document);
  });
  for (const secret of secrets) {
    expect(text).not.toContain(secret);
    expect(opened.consoleLines.join('\n')).not.toContain(secret);
  }
}

export const sessionPage = (attributes: string, body = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Redwire test</title><link rel="icon" href="data:,">
<script type="module" src="/redwire-elements.js"></script></head>
<body><redwire-session ${attributes}>${body}</redwire-session></body></html>`;
