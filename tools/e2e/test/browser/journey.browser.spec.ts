import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, chromiumPath, codeFor, launchChromium, startBrowserCloud, type BrowserCloud } from './support/browser-cloud.js';

const EMAIL = `journey-${Date.now()}@example.test`;
const PASSWORD = 'Journey#2015';

const report = (page: Page, id: string): Locator => page.locator(`redwire-report[report="${id}"]`);
const statusOf = (page: Page, id: string): Locator => report(page, id).locator('[part="status"] [role="status"]');

/**
 * The whole journey through the real local cloud, its real handlers and the built apps/web,
 * in Debian's Chromium: sign up, mail code, verify, sign in, reports, cancel, sign-out, embed page.
 */
describe.skipIf(chromiumPath === undefined)('the browser journey through the local cloud', () => {
  let flow: BrowserCloud;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];
  const web = () => flow.cloud.endpoints.web.replace(/\/$/, '');

  beforeAll(async () => {
    [flow, browser] = await Promise.all([startBrowserCloud(), launchChromium()]);
    expect(flow.cloud.unavailableFunctions, 'every handler of the flow must exist').toEqual([]);
    const context = await browser.newContext({ timezoneId: 'America/Los_Angeles', locale: 'en-US', acceptDownloads: true });
    context.setDefaultTimeout(20_000);
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`));
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await flow?.close();
  });

  it('signs up (a weak password is refused), reads the code from the dev mail page, verifies, and refuses a wrong password', async () => {
    await page.goto(`${web()}/`);
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password', { exact: true }).fill('weakpass');
    await page.getByLabel('Confirm password').fill('weakpass');
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();
    await page.getByText(/That password is too weak/).waitFor();
    await page.screenshot({ path: artifactPath('01-weak-password.png') });

    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();
    await page.getByRole('heading', { name: 'Verify your email' }).waitFor();
    await page.getByLabel('Verification code').fill(await codeFor(web(), EMAIL));
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('Your email is verified. Sign in to continue.').waitFor();

    await page.getByLabel('Password').fill('Wrong#Pass2015');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password.').waitFor();
    await page.screenshot({ path: artifactPath('02-wrong-password.png') });
    problems.length = 0; // Chromium logs the refused sign-in's 400 itself.
  });

  it('signs in, opens the connection, runs December 2015: 31 rows and a chart, while a second report runs at the same time', async () => {
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(`Signed in as ${EMAIL}`).waitFor();
    await page.getByRole('button', { name: 'Open connection' }).click();
    await page.getByText('Connection: Open').waitFor();

    const trips = report(page, 'trips-per-day');
    await trips.getByLabel('Month').fill('2015-12');
    await trips.getByRole('button', { name: 'Submit' }).click();
    await report(page, 'payment-type-mix').getByRole('button', { name: 'Submit' }).click();
    await trips.getByRole('table').waitFor({ timeout: 30_000 });
    expect(await trips.locator('tbody tr').count()).toBe(31);
    expect(await trips.locator('tbody tr').first().locator('td').first().textContent()).toBe('2015-12-01');
    await trips.locator('redwire-chart svg[aria-label]').first().waitFor({ timeout: 1_000 });
    expect(await statusOf(page, 'trips-per-day').textContent()).toMatch(/: 31 rows\.$/);
    await report(page, 'payment-type-mix').getByRole('table').waitFor({ timeout: 30_000 });
    expect(flow.cloud.connections.size).toBe(1); // both reports ran on the page's one WebSocket
    await page.screenshot({ path: artifactPath('03-dashboard-results.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('cancels a slow run', async () => {
    const slow = report(page, 'test-slow-browser');
    await slow.getByRole('button', { name: 'Submit' }).click();
    await statusOf(page, 'test-slow-browser').getByText('Running.').waitFor();
    await slow.getByRole('button', { name: 'Cancel' }).click();
    await statusOf(page, 'test-slow-browser').getByText('Cancelled.').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: artifactPath('04-cancelled.png'), fullPage: true });
    expect(problems).toEqual([]);
  });

  it('signs out for real', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    // Runs in the page (this project's tsconfig has no DOM types).
    const storedKeys = await page.evaluate(() => Object.keys((globalThis as unknown as { localStorage: object }).localStorage));
    expect(storedKeys.filter((key) => key.startsWith('CognitoIdentityServiceProvider'))).toEqual([]);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByText(/Signed in as/).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('runs a report from the plain HTML page', async () => {
    await page.goto(`${web()}/embed.html`);
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const trips = report(page, 'trips-per-day');
    await trips.getByLabel('Month').fill('2015-02');
    await trips.getByRole('button', { name: 'Submit' }).click();
    await trips.getByRole('table').waitFor({ timeout: 30_000 });
    expect(await trips.locator('tbody tr').count()).toBe(28);
    await page.screenshot({ path: artifactPath('05-embed.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
