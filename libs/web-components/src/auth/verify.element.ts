import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { fire } from '../shared/events.js';
import { baseStyles } from '../shared/styles.js';
import { AuthFormElement } from './auth-form.js';
import { authStyles } from './auth-styles.js';

/**
 * Verification form (Email, Verification code) with Resend code. Enter submits.
 *
 * @fires redwire-verified - the account is confirmed; detail `{email}`
 * @fires redwire-error - a wrong or expired code, in plain words
 * @csspart error - the error message
 * @csspart notice - "we sent a code" and similar confirmations
 */
@customElement('redwire-verify')
export class RedwireVerifyElement extends AuthFormElement {
  static override styles = [baseStyles, authStyles];

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    const { email = '', code = '' } = this.fields(event);
    this.email = email;
    if (await this.run('verify', (auth) => auth.confirmSignUp(email, code.trim()))) fire(this, 'redwire-verified', { email });
  }

  private async _onResend(): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#email');
    if (input !== null && !input.reportValidity()) return;
    const email = input?.value ?? this.email;
    this.email = email;
    if (await this.run('resend', (auth) => auth.resendCode(email))) this.notice = `We sent a new code to ${email}.`;
  }

  override render() {
    return html`<form part="form" @submit=${this._onSubmit} aria-labelledby="title">
      <h2 id="title">Verify your email</h2>
      ${this.renderMessages()}
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required .value=${this.email} />
      <label for="code">Verification code</label>
      <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required />
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>Verify</button>
        <button type="button" class="secondary" ?disabled=${this.busy} @click=${this._onResend}>Resend code</button>
        <button type="button" class="secondary" @click=${() => this.navigate('sign-in', this.email)}>Back to sign in</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'redwire-verify': RedwireVerifyElement;
  }
}
