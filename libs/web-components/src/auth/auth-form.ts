import { consume } from '@lit/context';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fire } from '../shared/events.js';
import { authContext } from '../session/session-context.js';
import type { CognitoAuth } from '../session/cognito-auth.js';
import { authErrorMessage, type AuthStep } from './auth-errors.js';
import { checkPassword } from './password-policy.js';

/** Views of the signed-out part of `<redwire-session>`. */
export type AuthView = 'sign-in' | 'sign-up' | 'verify' | 'forgot';

declare global {
  interface HTMLElementEventMap {
    'redwire-navigate': CustomEvent<{ view: AuthView; email: string; notice?: string }>;
  }
}

/** What the auth forms share: the Cognito pool from context, a busy flag, one error and one notice. */
export abstract class AuthFormElement extends LitElement {
  @consume({ context: authContext, subscribe: true })
  @state()
  protected auth: CognitoAuth | undefined;

  /** Prefills the Email field. */
  @property() email = '';

  /** A confirmation shown above the form (e.g. "Your account is verified"). */
  @property() notice = '';

  @state() protected busy = false;
  @state() protected errorText = '';

  /** Runs one Cognito call with the busy flag set; failures become a plain-words error and a `redwire-error` event. */
  protected async run(step: AuthStep, action: (auth: CognitoAuth) => Promise<void>): Promise<boolean> {
    if (this.auth === undefined || this.busy) return false;
    this.busy = true;
    this.errorText = '';
    try {
      await action(this.auth);
      return true;
    } catch (error) {
      this.errorText = authErrorMessage(step, error);
      const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'unknown';
      fire(this, 'redwire-error', { source: 'auth', code, message: this.errorText });
      return false;
    } finally {
      this.busy = false;
    }
  }

  protected navigate(view: AuthView, email: string, notice?: string): void {
    this.dispatchEvent(new CustomEvent('redwire-navigate', { detail: { view, email, notice }, bubbles: true, composed: true }));
  }

  /** Reads the form's fields as text. */
  protected fields(event: SubmitEvent): Record<string, string> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    return Object.fromEntries([...data.entries()].map(([key, value]) => [key, String(value)]));
  }

  protected renderMessages(): TemplateResult {
    return html`
      ${this.notice ? html`<p class="notice" part="notice" role="status">${this.notice}</p>` : nothing}
      <p class="error" part="error" role="alert">${this.errorText}</p>
    `;
  }
}

/** The password policy as a live checklist; `id` lets the password input point at it with aria-describedby. */
export function renderPasswordPolicy(password: string, id: string): TemplateResult {
  return html`<ul id=${id} class="policy" part="password-policy">
    ${checkPassword(password).map(
      ({ rule, met }) =>
        html`<li class=${met ? 'met' : 'unmet'} data-rule=${rule.id}>
          <span aria-hidden="true">${met ? '✓' : '✗'}</span> ${rule.label}<span class="visually-hidden">${met ? ' (met)' : ' (not met yet)'}</span>
        </li>`,
    )}
  </ul>`;
}
