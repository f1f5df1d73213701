import { provide } from '@lit/context';
import { Task } from '@lit/task';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../auth/forgot-password.element.js';
import '../auth/sign-in.element.js';
import '../auth/sign-up.element.js';
import '../auth/verify.element.js';
import type { AuthView } from '../auth/auth-form.js';
import { ReportConnection, type ConnectionState, type ConnectionTimings } from '../connection/report-connection.js';
import { RestClient } from '../connection/rest-client.js';
import { fire } from '../shared/events.js';
import { baseStyles } from '../shared/styles.js';
import { CognitoAuth } from './cognito-auth.js';
import { loadSessionConfig, sessionConfig, type SessionConfig } from './session-config.js';
import { authContext, sessionContext, type RedwireSession } from './session-context.js';

const STATE_TEXT: Record<ConnectionState, string> = {
  closed: 'Closed',
  connecting: 'Connecting…',
  open: 'Open',
  reconnecting: 'Connection lost, reconnecting…',
};

/**
 * Owns the Cognito session and the page's one WebSocket, shared with every
 * `<redwire-report>` inside it. Signed out, it shows sign-in / sign-up /
 * verify / forgot-password; signed in, the connection state, Open connection,
 * Close connection and Sign out, then its children.
 *
 * Configure with attributes, or with `config-url` pointing at a `config.json`.
 *
 * @slot - the reports (shown once signed in)
 * @fires redwire-signed-in - detail `{email}`
 * @fires redwire-signed-out - the user signed out (tokens revoked and cleared)
 * @fires redwire-connection-change - detail `{state}`: closed, connecting, open or reconnecting
 * @fires redwire-error - a configuration problem (`source: 'session'`, `code: 'invalid_config'`) or an auth failure, detail `{source, code, message}`
 * @csspart toolbar - the bar with the user, connection state and buttons
 * @csspart connection-state - the connection state text
 * @csspart auth - the signed-out forms' container
 * @cssprop --redwire-accent-color - buttons and links
 * @cssprop --redwire-font-family - text font
 * @cssprop --redwire-toolbar-background - the toolbar's background
 */
@customElement('redwire-session')
export class RedwireSessionElement extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.75em;
        padding: 0.5em 0.75em;
        margin-bottom: 1em;
        border-radius: var(--redwire-radius, 6px);
        background: var(--redwire-toolbar-background, #f0f3f6);
      }
      .toolbar .grow {
        flex: 1;
      }
      [data-state='open'] {
        color: var(--redwire-success-color, #1a7f37);
      }
      [data-state='reconnecting'] {
        color: var(--redwire-error-color, #b3261e);
      }
    `,
  ];

  @property({ attribute: 'config-url' }) configUrl = '';
  @property({ attribute: 'websocket-url' }) websocketUrl = '';
  @property({ attribute: 'rest-url' }) restUrl = '';
  @property({ attribute: 'user-pool-id' }) userPoolId = '';
  @property({ attribute: 'client-id' }) clientId = '';
  @property() region = '';
  @property({ attribute: 'cognito-endpoint' }) cognitoEndpoint = '';
  @property({ attribute: 'auth-flow' }) authFlow = '';
  /** Connection timings in ms (ping, renewal, quiet fallback, backoff); a property only. */
  @property({ attribute: false }) timings: Partial<ConnectionTimings> = {};

  @provide({ context: authContext }) @state() private _auth: CognitoAuth | undefined;
  @provide({ context: sessionContext }) @state() private _session: RedwireSession | undefined;
  @state() private _email = '';
  @state() private _view: AuthView = 'sign-in';
  @state() private _notice = '';
  @state() private _connectionState: ConnectionState = 'closed';
  private _connection: ReportConnection | undefined;
  private _config: SessionConfig | undefined;

  private _setup = new Task(this, {
    args: () => [this.configUrl, this.websocketUrl, this.restUrl, this.userPoolId, this.clientId, this.region, this.cognitoEndpoint, this.authFlow] as const,
    task: async ([configUrl, websocketUrl, restUrl, userPoolId, clientId, region, cognitoEndpoint, authFlow], { signal }) => {
      let config: SessionConfig;
      try {
        config = configUrl
          ? await loadSessionConfig(configUrl, signal)
          : sessionConfig({ websocketUrl, restUrl, userPoolId, clientId, region, cognitoEndpoint, authFlow });
      } catch (error) {
        if (!signal.aborted) fire(this, 'redwire-error', { source: 'session', code: 'invalid_config', message: error instanceof Error ? error.message : 'Cannot start the session.' });
        throw error;
      }
      this._teardown();
      this._config = config;
      this._auth = new CognitoAuth({
        userPoolId: config.userPoolId,
        clientId: config.clientId,
        endpoint: config.cognitoEndpoint ?? `https://cognito-idp.${config.region}.amazonaws.com/`,
        authFlow: config.authFlow,
      });
      const email = await this._auth.email();
      if (email !== undefined) this._startSession(email);
      return config;
    },
  });

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._connection?.close();
  }

  private _teardown(): void {
    this._connection?.close();
    this._connection = undefined;
    this._session = undefined;
  }

  private _startSession(email: string): void {
    const auth = this._auth;
    const config = this._config;
    if (auth === undefined || config === undefined) return;
    const idToken = () => auth.idToken();
    const rest = new RestClient(config.restUrl, idToken);
    const connection = new ReportConnection({
      url: config.websocketUrl,
      idToken,
      statementOutcome: (id) => rest.statementOutcome(id),
      timings: this.timings,
    });
    connection.addEventListener('statechange', () => {
      this._connectionState = connection.state;
      fire(this, 'redwire-connection-change', { state: connection.state });
    });
    this._connection = connection;
    this._connectionState = connection.state;
    this._email = email;
    this._session = { connection, rest };
  }

  private _onSignedIn(event: CustomEvent<{ email: string }>): void {
    // The forms' event bubbles on to the host page; here it only switches to the signed-in view.
    this._notice = '';
    this._startSession(event.detail.email);
  }

  private _onNavigate(event: CustomEvent<{ view: AuthView; email: string; notice?: string }>): void {
    event.stopPropagation();
    this._view = event.detail.view;
    this._email = event.detail.email;
    this._notice = event.detail.notice ?? '';
  }

  private async _onSignOut(): Promise<void> {
    this._teardown();
    await this._auth?.signOut();
    this._view = 'sign-in';
    this._notice = 'You are signed out.';
    fire(this, 'redwire-signed-out', {});
  }

  private _open(): void {
    this._connection?.open().catch(() => {
      // A close before the socket opened; the state shows it.
    });
  }

  private _renderAuth() {
    const views = {
      'sign-in': html`<redwire-sign-in .email=${this._email} .notice=${this._notice} @redwire-signed-in=${this._onSignedIn}></redwire-sign-in>`,
      'sign-up': html`<redwire-sign-up
        .email=${this._email}
        @redwire-signed-up=${(e: CustomEvent<{ email: string }>) => {
          this._email = e.detail.email;
          this._notice = `We emailed a verification code to ${e.detail.email}.`;
          this._view = 'verify';
        }}
      ></redwire-sign-up>`,
      verify: html`<redwire-verify
        .email=${this._email}
        .notice=${this._notice}
        @redwire-verified=${(e: CustomEvent<{ email: string }>) => {
          this._email = e.detail.email;
          this._notice = 'Your email is verified. Sign in to continue.';
          this._view = 'sign-in';
        }}
      ></redwire-verify>`,
      forgot: html`<redwire-forgot-password .email=${this._email}></redwire-forgot-password>`,
    } satisfies Record<AuthView, unknown>;
    return html`<div part="auth" @redwire-navigate=${this._onNavigate}>${views[this._view]}</div>`;
  }

  private _renderSignedIn() {
    const state = this._connectionState;
    return html`<div class="toolbar" part="toolbar">
        <span class="grow">Signed in as ${this._email}</span>
        <span role="status" aria-live="polite">
          Connection: <strong part="connection-state" data-state=${state}>${STATE_TEXT[state]}</strong>
        </span>
        <button type="button" ?disabled=${state !== 'closed'} @click=${this._open}>Open connection</button>
        <button type="button" ?disabled=${state === 'closed'} @click=${() => this._connection?.close()}>Close connection</button>
        <button type="button" class="secondary" @click=${this._onSignOut}>Sign out</button>
      </div>
      <slot></slot>`;
  }

  override render() {
    return this._setup.render({
      pending: () => html`<p role="status">Loading…</p>`,
      error: (error) => html`<p class="error" role="alert">${error instanceof Error ? error.message : 'Cannot start the session.'}</p>`,
      complete: () => (this._session === undefined ? this._renderAuth() : this._renderSignedIn()),
      initial: () => nothing,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'redwire-session': RedwireSessionElement;
  }
}
