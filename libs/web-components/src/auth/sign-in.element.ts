import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { fire } from '../shared/events.js';
import { baseStyles } from '../shared/styles.js';
import { AuthFormElement } from './auth-form.js';
import { authStyles } from './auth-styles.js';

/**
 * Sign-in form (Email, Password). Enter submits. Used inside `<redwire-session>`.
 *
 * @fires redwire-signed-in - after a successful sign-in; detail `{email}`
 * @fires redwire-error - a sign-in failure in plain words; detail `{source: 'auth', code, message}`
 * @csspart error - the error message
 * @csspart notice - a confirmation shown above the form
 * @cssprop --redwire-accent-color - button colour
 */
@customElement('redwire-sign-in')
export class RedwireSignInElement extends AuthFormElement {
  static override styles = [baseStyles, authStyles];

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    const { email = '', password = '' } = this.fields(event);
    this.email = email;
    if (await this.run('sign-in', (auth) => auth.signIn(email, password))) fire(this, 'redwire-signed-in', { email });
  }

  private _emailNow(): string {
    return this.renderRoot.querySelector<HTMLInputElement>('#email')?.value ?? this.email;
  }

  override render() {
    return html`<form part="form" @submit=${this._onSubmit} aria-labelledby="title">
      <h2 id="title">Sign in</h2>
      ${this.renderMessages()}
      <label for="email">Email</label>
      <input id="email" name="email" type="email" autocomplete="username" required .value=${this.email} />
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required />
      <div class="actions">
        <button type="submit" ?disabled=${this.busy}>Sign in</button>
        <button type="button" class="secondary" @click=${() => this.navigate('forgot', this._emailNow())}>Forgot password</button>
        <button type="button" class="secondary" @click=${() => this.navigate('sign-up', this._emailNow())}>Sign up</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'redwire-sign-in': RedwireSignInElement;
  }
}
