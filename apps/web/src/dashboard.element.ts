import { consume } from '@lit/context';
import { Task } from '@lit/task';
import { sessionContext, type RedwireSession } from '@redwire/web-components';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/**
 * The demo dashboard: one `<redwire-report>` per catalog report the user may
 * run (at most `limit`), all on the session's one connection.
 *
 * @csspart grid - the container of the reports
 */
@customElement('redwire-dashboard')
export class RedwireDashboardElement extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .grid {
      display: grid;
      gap: 1em;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 34rem), 1fr));
      align-items: start;
    }
    .error {
      color: var(--redwire-error-color, #b3261e);
    }
  `;

  /** Most reports shown. */
  @property({ type: Number }) limit = 12;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private _session: RedwireSession | undefined;

  private _reports = new Task(this, {
    args: () => [this._session] as const,
    task: async ([session]) => (session === undefined ? [] : session.rest.reports()),
  });

  override render() {
    return this._reports.render({
      pending: () => html`<p role="status">Loading the reports…</p>`,
      error: () => html`<p class="error" role="alert">The report catalog cannot be loaded. Please reload the page.</p>`,
      complete: (reports) =>
        html`<div class="grid" part="grid">
          ${reports.slice(0, this.limit).map((report) => html`<redwire-report report=${report.id} topic=${`dashboard-${report.id}`}></redwire-report>`)}
        </div>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'redwire-dashboard': RedwireDashboardElement;
  }
}
