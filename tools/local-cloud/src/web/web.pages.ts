import type { DevMail } from '../cognito/dev-mailbox.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const layout = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
  `<style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:48rem;padding:0 1rem}` +
  `table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left}code{font-size:1.1em}</style>` +
  `</head><body>${body}</body></html>`;

export function placeholderPage(): string {
  return layout(
    'Redwire (local)',
    `<h1>Redwire is running locally</h1><p>The web app is not built yet (<code>apps/web/dist</code> does not exist).` +
      ` Every service is up; build the web app and reload this page.</p>` +
      `<p>Sign-up codes from the local Cognito appear on the <a href="/_dev/mail">dev mail page</a>.` +
      ` Endpoints: <a href="/config.json">/config.json</a>.</p>`,
  );
}

export function devMailPage(mails: readonly DevMail[]): string {
  const rows = mails
    .map((m) => `<tr><td>${escapeHtml(m.sentAt)}</td><td>${escapeHtml(m.to)}</td><td>${escapeHtml(m.subject)}</td><td><code>${escapeHtml(m.code)}</code></td></tr>`)
    .join('');
  return layout(
    'Redwire dev mail',
    `<h1>Dev mail</h1><p>Messages the local Cognito would have e-mailed, newest first (also as <a href="/_dev/mail.json">JSON</a>).</p>` +
      (mails.length
        ? `<table><thead><tr><th>Sent</th><th>To</th><th>Subject</th><th>Code</th></tr></thead><tbody>${rows}</tbody></table>`
        : '<p>No mail yet. Sign up in the web app and the confirmation code shows up here.</p>'),
  );
}
