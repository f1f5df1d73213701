import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactPath, chromiumPath, launchChromium } from './support/chromium.js';
import { FIXED_CODE, startCognitoLocal, type LocalCognito } from './support/cognito-local.js';
import { FakeBackend, TRIPS_PER_DAY } from './support/fake-backend.js';
import { configFor, expectNoSecretsShown, openPage, sessionPage, signIn } from './support/harness.js';

const PASSWORD = 'Redwire#2015';
let mailbox = 0;
const newEmail = () => `user${Date.now()}-${++mailbox}@example.test`;

describe.skipIf(chromiumPath === undefined)('<redwire-session> in Chromium', () => {
  let browser: Browser;
  let cognito: LocalCognito;
  let backend: FakeBackend;

  beforeAll(async () => {
    [cognito, backend, browser] = await Promise.all([startCognitoLocal(), new FakeBackend().start(), launchChromium()]);
    backend.config = configFor(backend, cognito);
    backend.reports = [TRIPS_PER_DAY];
    backend.page = sessionPage('config-url="/config.json"');
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([backend?.stop(), cognito?.stop()]);
  });

  it('starts signed out with a real sign-in form whose fields and buttons are named', async () => {
    const { page, problems, context } = await openPage(browser, backend.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByLabel('Email').getAttribute('type')).toBe('email');
    expect(await page.getByLabel('Password').getAttribute('type')).toBe('password');
    for (const name of ['Sign in', 'Forgot password', 'Sign up']) expect(await page.getByRole('button', { name, exact: true }).isVisible()).toBe(true);
    await page.screenshot({ path: artifactPath('session-signed-out.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs up, refuses a weak password and a wrong code, verifies, refuses a wrong password, then signs in', async () => {
    const opened = await openPage(browser, backend.url);
    const { page } = opened;
    const email = newEmail();
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();
    await page.getByLabel('Email').fill(email);
    const password = page.getByLabel('Password', { exact: true });
    await password.pressSequentially('redwire');
    expect(await page.locator('[data-rule="upper"]').getAttribute('class')).toBe('unmet');
    expect(await page.locator('[data-rule="lower"]').getAttribute('class')).toBe('met');
    await page.getByLabel('Confirm password').fill('redwire');
    await page.getByLabel('Confirm password').press('Enter');
    await page.getByText(/That password is too weak/).waitFor();

    await password.fill(PASSWORD);
    await page.getByLabel('Confirm password').fill(`${PASSWORD}x`);
    await page.getByText('The two passwords do not match.').first().waitFor();
    await page.getByLabel('Confirm password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();

    await page.getByRole('heading', { name: 'Verify your email' }).waitFor();
    await page.getByLabel('Verification code').fill('000000');
    await page.getByRole('button', { name: 'Verify' }).click();
    await page.getByText('That verification code is wrong. Check the email and try again.').waitFor();
    // Resend code: the real call goes out; cognito-local has no ResendConfirmationCode, so it answers
    // with an error, which must read as plain words (AWS answers with a new code and the notice shows).
    const resend = page.waitForRequest((request) => request.headers()['x-amz-target'] === 'AWSCognitoIdentityProviderService.ResendConfirmationCode');
    await page.getByRole('button', { name: 'Resend code' }).click();
    expect(JSON.parse((await resend).postData() ?? '{}')).toMatchObject({ Username: email });
    await page.getByText(/^(We sent a new code to .*|Something went wrong\. Please try again\.)$/).waitFor();
    await page.getByLabel('Verification code').fill(FIXED_CODE);
    await page.getByLabel('Verification code').press('Enter');

    await page.getByText('Your email is verified. Sign in to continue.').waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    await page.getByLabel('Password').fill('Wrong#Password1');
    await page.getByLabel('Password').press('Enter');
    await page.getByText('Wrong email or password.').waitFor();

    await signIn(page, email, PASSWORD);
    expect(await page.getByText('Connection: Closed').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Open connection' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Close connection' }).isDisabled()).toBe(true);
    const idToken = await page.evaluate(() => Object.entries(localStorage).find(([key]) => key.endsWith('.idToken'))?.[1] ?? '');
    expect(idToken.split('.')).toHaveLength(3);
    await expectNoSecretsShown(opened, [PASSWORD, idToken]);
    await page.screenshot({ path: artifactPath('session-signed-in.png') });
    // Cognito answers a wrong code and a wrong password with HTTP 400s (cognito-local: the resend with a 500), which Chromium logs itself.
    expect(opened.problems.filter((problem) => !/status of (400|500)/.test(problem))).toEqual([]);
    await opened.context.close();
  });

  it('opens and closes the one connection with the ID token, and reconnects by itself after a drop', async () => {
    const email = newEmail();
    await cognito.createUser(email, PASSWORD);
    const { page, problems, context } = await openPage(browser, backend.url);
    await page.evaluate(() => {
      const states: string[] = [];
      (window as unknown as { states: string[] }).states = states;
      document.addEventListener('redwire-connection-change', (event) => states.push((event as CustomEvent<{ state: string }>).detail.state));
    });
    await signIn(page, email, PASSWORD);
    const before = backend.tokenEmails.length;
    await page.getByRole('button', { name: 'Open connection' }).click();
    await page.getByText('Connection: Open').waitFor();
    expect(backend.tokenEmails.slice(before)).toEqual([email]);
    expect(await page.getByRole('button', { name: 'Open connection' }).isDisabled()).toBe(true);

    backend.dropSockets();
    await page.waitForFunction(() => (window as unknown as { states: string[] }).states.join(',') === 'connecting,open,reconnecting,connecting,open' || (window as unknown as { states: string[] }).states.join(',') === 'connecting,open,reconnecting,open');
    expect(backend.tokenEmails.slice(before)).toEqual([email, email]);

    await page.getByRole('button', { name: 'Close connection' }).click();
    await page.getByText('Connection: Closed').waitFor();
    await backend.waitFor(() => backend.openSockets.length === 0, 'the socket to close');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('signs out for real: tokens gone from storage, still signed out after a reload', async () => {
    const email = newEmail();
    await cognito.createUser(email, PASSWORD);
    const { page, problems, context } = await openPage(browser, backend.url);
    await signIn(page, email, PASSWORD);
    await page.getByRole('button', { name: 'Open connection' }).click();
    await page.getByText('Connection: Open').waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('You are signed out.').waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('CognitoIdentityServiceProvider')))).toEqual([]);
    await backend.waitFor(() => backend.openSockets.length === 0, 'the socket to close');
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByText(/Signed in as/).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('resets a forgotten password, checking the policy while typing', async () => {
    const email = newEmail();
    await cognito.createUser(email, PASSWORD);
    const { page, context } = await openPage(browser, backend.url);
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Forgot password' }).click();
    await page.getByRole('button', { name: 'Send code' }).click();
    await page.getByLabel('Verification code').fill(FIXED_CODE);
    await page.getByLabel('New password', { exact: true }).fill('short');
    expect(await page.locator('[data-rule="length"]').getAttribute('class')).toBe('unmet');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText(/too weak/).waitFor();
    await page.getByLabel('New password', { exact: true }).fill('Another#Pass9');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByText('Your password was changed. Sign in with the new password.').waitFor();
    await signIn(page, email, 'Another#Pass9');
    await context.close();
  });

  it('names a missing setting instead of failing silently', async () => {
    backend.page = sessionPage(`websocket-url="${backend.wsUrl}" rest-url="${backend.url}" user-pool-id="x" region="us-east-1"`);
    try {
      const { page, context } = await openPage(browser, backend.url);
      await page.getByRole('alert').getByText('Missing the app client id (client-id).').waitFor();
      // The page's own listener can only attach after the module ran; the attribute change re-runs the setup.
      const fired = page.evaluate(
        () => new Promise((done) => document.addEventListener('redwire-error', (event) => done((event as CustomEvent).detail), { once: true })),
      );
      await page.locator('redwire-session').evaluate((element) => element.setAttribute('user-pool-id', 'y'));
      expect(await fired).toEqual({ source: 'session', code: 'invalid_config', message: 'Missing the app client id (client-id).' });
      await context.close();
    } finally {
      backend.page = sessionPage('config-url="/config.json"');
    }
  });
});
