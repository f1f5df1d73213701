import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { fire } from '../shared/events.js';
import { baseStyles } from '../shared/styles.js';
import { AuthFormElement, renderPasswordPolicy } from './auth-form.js';
import { authStyles } from './auth-styles.js';
import { isStrongPassword } from './password-policy.js';

/**
 * Sign-up form (Email, Password, Confirm password) with the password policy
 * checked while typing. Enter submits.
 *
 * @fires redwire-signed-up - the account exists and a code was emailed; detail `{email}`
 * @fires redwire-error - a failure in plain words (user exists, weak password …)
 * @csspart password-policy - the live policy checklist
 * @csspart error - the error message
 * @cssprop --redwire-success-color - colour of met policy rules
 */
@customElement('redwire-sign-up')
export class RedwireSignUpElement extends AuthFormElement {
  static override styles = [baseStyles, authStyles];

  @state() private _password = '';
  @state() private _confirm = '';

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    const { email = '', password = '', confirm = '' } = this.fields(event);
    this.email = email;
    if (!isStrongPassword(password)) {
      this.errorText = 'That password is too weak: it must meet every rule listed below the Password field.';
      return;
    }
    if (password !== confirm) {
      this.errorText = 'The two passwords do not match.';
      return;
    }
    if (await this.run('sign-up', (auth) => auth.signUp(email, password))) fire(this, 'redwire-signed-up', { email });
  }

  override render() {
    const mismatch = this._confirm !== '' && this._confirm !== this._password;
    return html`<form part="form" @submit=${this._onSubmit} aria-labelledby="title">
      <h2 id="title">Sign up</h2>
      ${this.renderMessages()}
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required .value=${this.email} />
      <label for="password">Password</label>
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
      <label for="confirm">Confirm password</label>
      <input
        id="confirm"
        name="confirm"
        type="password"
        autocomplete="new-password"
        required
        aria-describedby="mismatch"
        @input=${(e: InputEvent) => (this._confirm = (e.target as HTMLInputElement).value)}
      />
      <p id="mismatch" class="error" aria-live="polite">${mismatch ? 'The two passwords do not match.' : ''}</p>
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>Sign up</button>
        <button type="button" class="secondary" @click=${() => this.navigate('sign-in', this.email)}>Back to sign in</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'redwire-sign-up': RedwireSignUpElement;
  }
}
