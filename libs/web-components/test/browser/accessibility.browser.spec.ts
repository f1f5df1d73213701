import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchChromium } from './support/chromium.js';
import { startCognitoLocal, type LocalCognito } from './support/cognito-local.js';
import { FakeBackend, TRIPS_PER_DAY, tripsPerDayResult } from './support/fake-backend.js';
import { configFor, openPage, sessionPage, signIn } from './support/harness.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.x A/AA violations on the page (it looks inside open shadow roots). */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  });
}

describe.skipIf(chromiumPath === undefined)('accessibility (axe-core, WCAG 2.1 A/AA) in Chromium', () => {
  let browser: Browser;
  let cognito: LocalCognito;
  let backend: FakeBackend;
  let signedIn: Awaited<ReturnType<BrowserContext['storageState']>>;
  const email = `a11y${Date.now()}@example.test`;

  beforeAll(async () => {
    [cognito, backend, browser] = await Promise.all([startCognitoLocal(), new FakeBackend().start(), launchChromium()]);
    backend.config = configFor(backend, cognito);
    backend.reports = [TRIPS_PER_DAY];
    backend.resultFor = tripsPerDayResult;
    await cognito.createUser(email, 'Redwire#2015');
    backend.page = sessionPage('config-url="/config.json"', '<redwire-report report="trips-per-day" topic="daily"></redwire-report>');
    const first = await openPage(browser, backend.url);
    await signIn(first.page, email, 'Redwire#2015');
    signedIn = await first.context.storageState();
    await first.context.close();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([backend?.stop(), cognito?.stop()]);
  });

  it.each(['Sign in', 'Sign up', 'Forgot password'])('the %s form has no violations', async (view) => {
    const { page, context } = await openPage(browser, backend.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    if (view !== 'Sign in') await page.getByRole('button', { name: view, exact: true }).click();
    await page.getByRole('heading', { name: view }).waitFor();
    expect(await violations(page)).toEqual([]);
    await context.close();
  });

  it('a signed-in page with a completed report, its table and its chart has no violations', async () => {
    const { page, context } = await openPage(browser, backend.url, { storageState: signedIn });
    await page.getByLabel('Month').fill('2015-12');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.locator('redwire-chart svg').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await context.close();
  });
});
