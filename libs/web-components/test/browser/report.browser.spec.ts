import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, chromiumPath, launchChromium } from './support/chromium.js';
import { startCognitoLocal, type LocalCognito } from './support/cognito-local.js';
import { FakeBackend, TRIPS_PER_DAY, tripsPerDayResult, type Message } from './support/fake-backend.js';
import { configFor, openPage, sessionPage, signIn, type OpenedPage } from './support/harness.js';

const EMAIL = `reporter${Date.now()}@example.test`;
const PASSWORD = 'Redwire#2015';
const ONE_REPORT = '<redwire-report report="trips-per-day" topic="daily"></redwire-report>';

type SignedInState = Awaited<ReturnType<BrowserContext['storageState']>>;

/** Host-page view of the elements' events, recorded on `window.events`. */
async function recordEvents(page: Page): Promise<void> {
  await page.evaluate(() => {
    const events: { type: string; detail: unknown }[] = [];
    (window as unknown as { events: typeof events }).events = events;
    for (const type of ['redwire-submitted', 'redwire-accepted', 'redwire-completed', 'redwire-aborted', 'redwire-error']) {
      document.addEventListener(type, (event) => events.push({ type, detail: (event as CustomEvent).detail }));
    }
  });
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { events: { type: string; detail: Record<string, unknown> }[] }).events);
const status = (page: Page, topic = 'daily') => page.locator(`redwire-report[topic="${topic}"] [part="status"]`);

describe.skipIf(chromiumPath === undefined)('<redwire-report> in Chromium', () => {
  let browser: Browser;
  let cognito: LocalCognito;
  let backend: FakeBackend;
  let signedIn: SignedInState;
  let opened: OpenedPage | undefined;

  const open = async (body = ONE_REPORT, timezoneId?: string) => {
    backend.page = sessionPage('config-url="/config.json"', body);
    opened = await openPage(browser, backend.url, { storageState: signedIn, timezoneId });
    await opened.page.getByText(`Signed in as ${EMAIL}`).waitFor();
    await recordEvents(opened.page);
    return opened.page;
  };

  beforeAll(async () => {
    [cognito, backend, browser] = await Promise.all([startCognitoLocal(), new FakeBackend().start(), launchChromium()]);
    backend.config = configFor(backend, cognito);
    backend.reports = [TRIPS_PER_DAY];
    backend.resultFor = tripsPerDayResult;
    await cognito.createUser(EMAIL, PASSWORD);
    backend.page = sessionPage('config-url="/config.json"');
    const first = await openPage(browser, backend.url);
    await signIn(first.page, EMAIL, PASSWORD);
    signedIn = await first.context.storageState();
    await first.context.close();
  });

  afterEach(async () => {
    await opened?.context.close();
    opened = undefined;
    backend.onSubmit = (message) => backend.complete(backend.accept(message));
    backend.resultFor = tripsPerDayResult;
    backend.refuseUpgrades = false;
    backend.laterPages = undefined;
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([backend?.stop(), cognito?.stop()]);
  });

  it('starts with a form generated from the catalog: a Month input limited to the data, Submit, Cancel disabled', async () => {
    const page = await open();
    const month = page.getByLabel('Month');
    await month.waitFor();
    expect(await month.evaluate((input: HTMLInputElement) => [input.type, input.min, input.max, input.required])).toEqual(['month', '2015-01', '2015-12', true]);
    expect(await page.getByRole('button', { name: 'Submit' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cancel' }).isDisabled()).toBe(true);
    expect(await page.locator('redwire-result-table').count()).toBe(0);
    expect(backend.authorizations.at(-1)).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    await page.screenshot({ path: artifactPath('report-initial.png'), fullPage: true });
    expect(opened?.problems).toEqual([]);
  });

  it('runs December 2015 by keyboard in Los Angeles time: live elapsed seconds, 31 formatted rows, a chart, sorting, CSV', async () => {
    let statementId = '';
    backend.onSubmit = (message) => (statementId = backend.accept(message));
    const page = await open(ONE_REPORT, 'America/Los_Angeles');
    await page.getByLabel('Month').fill('2015-12');
    await page.getByLabel('Month').press('Enter');
    const submit = await backend.waitFor(() => backend.messages('submit').at(-1), 'the submit');
    expect(submit).toMatchObject({ topic: 'daily', report: 'trips-per-day', params: { month: '2015-12' } });
    await status(page).getByRole('status').getByText('Running.').waitFor();
    await status(page).getByText('Elapsed: 0 s').waitFor();
    await status(page).getByText('Elapsed: 2 s').waitFor({ timeout: 4_000 });
    expect(await status(page).getByRole('status').textContent()).toBe('Running.'); // the ticking seconds are not announced
    expect(await page.getByRole('button', { name: 'Submit' }).isDisabled()).toBe(true);

    backend.complete(statementId);
    const table = page.getByRole('table');
    await table.waitFor();
    const tableShownAt = Date.now();
    await page.locator('redwire-chart svg[aria-label]').first().waitFor({ timeout: 1_000 });
    expect(Date.now() - tableShownAt).toBeLessThan(1_000);
    expect(await status(page).getByRole('status').textContent()).toMatch(/^Completed in \d+\.\d s: 31 rows\.$/);
    expect(await table.locator('tbody tr').count()).toBe(31);
    const first = table.locator('tbody tr').first().locator('td');
    expect(await first.allTextContents()).toEqual(['2015-12-01', '1,000', '13,250.00', '']);
    expect(await first.nth(1).evaluate((cell) => getComputedStyle(cell).textAlign)).toBe('right');

    await page.getByRole('button', { name: 'trips' }).click();
    await page.getByRole('button', { name: 'trips' }).press('Enter');
    expect(await page.getByRole('columnheader', { name: 'trips' }).getAttribute('aria-sort')).toBe('descending');
    expect(await table.locator('tbody tr').first().locator('td').first().textContent()).toBe('2015-12-31');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = readFileSync((await (await download).path()) ?? '', 'utf8').trim().split('\n');
    expect(csv[0]).toBe('trip_date,trips,total_fare,note');
    expect(csv).toHaveLength(32);
    expect((await events(page)).map((event) => event.type)).toEqual(['redwire-submitted', 'redwire-accepted', 'redwire-completed']);
    expect((await events(page))[2]?.detail).toMatchObject({ report: 'trips-per-day', topic: 'daily', statementId, rowCount: 31 });
    await page.screenshot({ path: artifactPath('report-complete.png'), fullPage: true });
    expect(opened?.problems).toEqual([]);
  });

  it('cancels a running report from the keyboard and says so', async () => {
    backend.onSubmit = (message) => void backend.accept(message);
    const page = await open();
    await page.getByLabel('Month').fill('2015-06');
    await page.getByRole('button', { name: 'Submit' }).click();
    await status(page).getByText('Running.').waitFor();
    await page.getByRole('button', { name: 'Cancel' }).focus();
    await page.keyboard.press('Enter');
    await status(page).getByText('Cancelled.').waitFor();
    expect(backend.messages('cancel').at(-1)).toMatchObject({ statementId: expect.stringMatching(/^stmt-/) });
    expect(await page.getByRole('button', { name: 'Submit' }).isEnabled()).toBe(true);
    expect((await events(page)).map((event) => event.type)).toContain('redwire-aborted');
    expect(opened?.problems).toEqual([]);
  });

  it('shows a rejected submit and a failed run in plain words, and tells the host page', async () => {
    backend.onSubmit = (message: Message) =>
      backend.send({ type: 'error', requestId: message['requestId'], code: 'invalid_params', message: 'month: must be a month from 2015-01 to 2015-12' });
    const page = await open();
    await page.getByLabel('Month').fill('2015-03');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').getByText('Please check the parameters. month: must be a month from 2015-01 to 2015-12').waitFor();
    expect((await events(page)).at(-1)).toMatchObject({ type: 'redwire-error', detail: { source: 'report', code: 'invalid_params', topic: 'daily' } });

    backend.onSubmit = (message) => backend.outcomeFor(backend.accept(message), 'failed', { code: 'query_failed', message: 'division by zero' });
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('alert').getByText('The report failed in the warehouse. division by zero').waitFor();
    expect(await status(page).getByRole('status').textContent()).toBe('Failed.');
    await page.screenshot({ path: artifactPath('report-error.png'), fullPage: true });
    expect(opened?.problems).toEqual([]);
  });

  it('says when the connection is lost mid-run, then resumes the statement and shows its rows', async () => {
    let statementId = '';
    backend.onSubmit = (message) => (statementId = backend.accept(message));
    const page = await open();
    await page.getByLabel('Month').fill('2015-02');
    await page.getByRole('button', { name: 'Submit' }).click();
    await status(page).getByText('Running.').waitFor();
    backend.refuseUpgrades = true;
    backend.dropSockets();
    await status(page).getByText(/The connection was lost; reconnecting — the report keeps running\./).waitFor();
    await page.getByText('Connection: Connection lost, reconnecting…').waitFor();
    await page.screenshot({ path: artifactPath('report-disconnected.png'), fullPage: true });
    backend.states.set(statementId, 'finished');
    backend.refuseUpgrades = false;
    await page.getByRole('table').waitFor({ timeout: 15_000 });
    expect(backend.messages('resume').at(-1)).toEqual({ action: 'resume', statementIds: [statementId] });
    expect(await page.getByRole('table').locator('tbody tr').count()).toBe(28);
    // Chromium logs the refused WebSocket handshakes itself.
    expect(opened?.problems.filter((problem) => !/WebSocket connection .* failed/.test(problem))).toEqual([]);
  });

  it('asks GET /statements/{id} when a run has been quiet too long, and shows the rows of a lost outcome', async () => {
    let statementId = '';
    backend.onSubmit = (message) => (statementId = backend.accept(message));
    // Set before the element upgrades: Lit keeps the value. A 400 ms quiet period instead of 30 s.
    const page = await open(`${ONE_REPORT}<script>document.querySelector('redwire-session').timings = { quietMs: 400 };</script>`);
    await page.getByLabel('Month').fill('2015-11');
    await page.getByRole('button', { name: 'Submit' }).click();
    await status(page).getByText('Running.').waitFor();
    backend.states.set(statementId, 'finished'); // finished, but the push is lost
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('table').locator('tbody tr').count()).toBe(30);
    expect(backend.fetchedPaths).toContain(`/statements/${statementId}`);
    expect(opened?.problems).toEqual([]);
  });

  it('runs two reports at once on one connection, told apart by topic', async () => {
    const running: string[] = [];
    backend.onSubmit = (message) => running.push(backend.accept(message));
    const page = await open(
      '<redwire-report report="trips-per-day" topic="left"></redwire-report><redwire-report report="trips-per-day" topic="right"></redwire-report>',
    );
    const sockets = backend.tokenEmails.length;
    const left = page.locator('redwire-report[topic="left"]');
    const right = page.locator('redwire-report[topic="right"]');
    await left.getByLabel('Month').fill('2015-02');
    await right.getByLabel('Month').fill('2015-12');
    await left.getByRole('button', { name: 'Submit' }).click();
    await right.getByRole('button', { name: 'Submit' }).click();
    await status(page, 'left').getByText('Running.').waitFor();
    await status(page, 'right').getByText('Running.').waitFor();
    // Both run at the same time; the later one finishes first.
    for (const statementId of [...running].reverse()) backend.complete(statementId);
    await left.getByRole('table').waitFor();
    await right.getByRole('table').waitFor();
    expect(await left.locator('tbody tr').count()).toBe(28);
    expect(await right.locator('tbody tr').count()).toBe(31);
    expect(backend.tokenEmails.length - sockets).toBe(1);
    await page.screenshot({ path: artifactPath('report-two-at-once.png'), fullPage: true });
    expect(opened?.problems).toEqual([]);
  });

  it('reads every result page (the server pages by 50) and shows them 50 rows at a time', async () => {
    backend.resultFor = () => ({
      columns: [{ name: 'n', type: 'int4' }],
      rows: Array.from({ length: 120 }, (_, index) => [index + 1]),
    });
    const page = await open();
    await page.getByLabel('Month').fill('2015-01');
    await page.getByRole('button', { name: 'Submit' }).click();
    const table = page.getByRole('table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(50);
    await page.getByText('Page 1 of 3').waitFor();
    await page.getByRole('button', { name: 'Next page' }).click();
    expect(await table.locator('tbody tr').first().locator('td').textContent()).toBe('51');
    await page.getByRole('button', { name: 'Next page' }).click();
    expect(await table.locator('tbody tr').count()).toBe(20);
    expect(await page.getByRole('button', { name: 'Next page' }).isDisabled()).toBe(true);
    expect(opened?.problems).toEqual([]);
  });

  it('shows the first page of a big result at once and the rest when it has arrived', async () => {
    backend.resultFor = () => ({
      columns: [{ name: 'n', type: 'int4' }],
      rows: Array.from({ length: 120 }, (_, index) => [index + 1]),
    });
    let release = (): void => undefined;
    backend.laterPages = new Promise<void>((resolve) => (release = resolve));
    const page = await open();
    await page.getByLabel('Month').fill('2015-01');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByText('Loading more rows… 50 so far.').waitFor();
    const table = page.getByRole('table');
    expect(await table.locator('tbody tr').count()).toBe(50);
    expect(await table.locator('tbody tr').first().locator('td').textContent()).toBe('1');
    release();
    await page.getByText('Page 1 of 3').waitFor();
    expect(await page.getByText('Loading more rows').count()).toBe(0);
    expect(opened?.problems).toEqual([]);
  });

  it('renders server data as text, never as HTML', async () => {
    backend.resultFor = () => ({ columns: [{ name: 'note', type: 'varchar' }], rows: [['<img src=x onerror="window.pwned=1">']] });
    const page = await open();
    await page.getByLabel('Month').fill('2015-01');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.getByRole('cell', { name: '<img src=x onerror="window.pwned=1">' }).waitFor();
    expect(await page.locator('redwire-report img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  });

  it('names a report that is not in the catalog', async () => {
    const page = await open('<redwire-report report="no-such-report" topic="x"></redwire-report>');
    await page.getByRole('alert').getByText('This report is not in the catalog. There is no report “no-such-report” you may run.').waitFor();
  });
});
