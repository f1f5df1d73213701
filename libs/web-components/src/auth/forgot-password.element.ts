import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { baseStyles } from '../shared/styles.js';
import { AuthFormElement, renderPasswordPolicy } from './auth-form.js';
import { authStyles } from './auth-styles.js';
import { isStrongPassword } from './password-policy.js';

/**
 * Forgot password in two steps: Email → a code is emailed; then
 * Verification code and New password (policy checked while typing).
 *
 * @fires redwire-navigate - back to sign-in once the new password is set
 * @fires redwire-error - failures in plain words
 * @csspart password-policy - the live policy checklist
 * @csspart error - the error message
 */
@customElement('redwire-forgot-password')
export class RedwireForgotPasswordElement extends AuthFormElement {
  static override styles = [baseStyles, authStyles];

  @state() private _step: 'request' | 'reset' = 'request';
  @state() private _password = '';

  private async _onRequest(event: SubmitEvent): Promise<void> {
    const { email = '' } = this.fields(event);
    this.email = email;
    if (await this.run('forgot', (auth) => auth.forgotPassword(email))) {
      this._step = 'reset';
      this.notice = `If an account exists for ${email}, we emailed it a verification code.`;
    }
  }

  private async _onReset(event: SubmitEvent): Promise<void> {
    const { code = '', password = '' } = this.fields(event);
    if (!isStrongPassword(password)) {
      this.errorText = 'That password is too weak: it must meet every rule listed below the New password field.';
      return;
    }
    if (await this.run('reset', (auth) => auth.confirmNewPassword(this.email, code.trim(), password))) {
      this.navigate('sign-in', this.email, 'Your password was changed. Sign in with the new password.');
    }
  }

  override render() {
    if (this._step === 'request') {
      return html`<form part="form" @submit=${this._onRequest} aria-labelledby="title">
        <h2 id="title">Forgot password</h2>
        ${this.renderMessages()}
        <label for="email">Email</label>
        <input id="email" name="email" type="email" autocomplete="username" required .value=${this.email} />
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>Send code</button>
          <button type="button" class="secondary" @click=${() => this.navigate('sign-in', this.email)}>Back to sign in</button>
        </div>
      </form>`;
    }
    return html`<form part="form" @submit=${this._onReset} aria-labelledby="title">
      <h2 id="title">Choose a new password</h2>
      ${this.renderMessages()}
      <label for="code">Verification code</label>
      <input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required />
      <label for="password">New password</label>
      <input
        id="password"
        name="password"
        type="password"
        autocomplete="new-password"
        required
        aria-describedby="policy"
        @input=${(e: InputEvent) => (this._password = (e.target as HTMLInputElement).value)}
      />
      ${renderPasswordPolicy(this._password, 'policy')}
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>Set new password</button>
        <button type="button" class="secondary" @click=${() => this.navigate('sign-in', this.email)}>Back to sign in</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'redwire-forgot-password': RedwireForgotPasswordElement;
  }
}
