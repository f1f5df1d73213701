import { consume } from '@lit/context';
import { Task } from '@lit/task';
import type { ReceivedReportSummary as ReportSummary } from '@redwire/protocol';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ConnectionState } from '../connection/report-connection.js';
import { RestError } from '../connection/rest-client.js';
import type { ServerMessage } from '../connection/server-messages.js';
import { sessionContext, type RedwireSession } from '../session/session-context.js';
import { fire } from '../shared/events.js';
import { baseStyles } from '../shared/styles.js';
import { preloadChartLibrary } from './chart.element.js';
import { paramFields, readParamValues } from './param-fields.js';
import { renderParamFields } from './param-form.js';
import { errorText, isPending, nextRun, type ReportRun } from './report-run.js';
import { fetchResult, type LoadedResult } from './report-result.js';
import { reportStyles } from './report-styles.js';
import './result-table.element.js';

let topicCounter = 0;

/**
 * One catalog report: a form generated from its parameters' JSON Schema,
 * Submit, live status with elapsed seconds, Cancel, then a sortable table,
 * a chart from the report's chart hint, and Download CSV. Must sit inside a
 * `<redwire-session>`; reports on one page share its connection, told apart by `topic`.
 *
 * @fires redwire-submitted - detail `{report, topic, requestId, params}`
 * @fires redwire-accepted - detail `{report, topic, requestId, statementId}`
 * @fires redwire-completed - detail `{report, topic, statementId, rowCount}`
 * @fires redwire-aborted - the run was cancelled; detail `{report, topic, statementId}`
 * @fires redwire-error - detail `{source: 'report', code, message, report, topic, statementId?}`
 * @csspart form - the parameter form
 * @csspart status - the status line (its phase text is an aria-live region)
 * @csspart elapsed - seconds since the run was accepted (shown, not announced)
 * @csspart error - the error message
 * @csspart table - the result table (forwarded from redwire-result-table)
 * @cssprop --redwire-accent-color - buttons
 * @cssprop --redwire-error-color - error text
 * @cssprop --redwire-chart-height - the chart's height
 */
@customElement('redwire-report')
export class RedwireReportElement extends LitElement {
  static override styles = [baseStyles, reportStyles];

  /** Catalog id of the report, e.g. `trips-per-day`. */
  @property({ reflect: true }) report = '';
  /** Tells this report's messages apart on the shared connection; unique on the page (generated when empty). */
  @property({ reflect: true }) topic = '';

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private _session: RedwireSession | undefined;

  @state() private _run: ReportRun = { phase: 'idle' };
  @state() private _now = Date.now();
  @state() private _connectionState: ConnectionState = 'closed';
  @state() private _csvError = '';
  private _unlisten: (() => void) | undefined;
  private _ticker: ReturnType<typeof setInterval> | undefined;

  private _catalog = new Task(this, {
    args: () => [this._session, this.report] as const,
    task: async ([session, report]): Promise<ReportSummary | undefined> => {
      if (session === undefined || report === '') return undefined;
      const summary = (await session.rest.reports()).find((candidate) => candidate.id === report);
      if (summary === undefined) throw new RestError('report_not_found', `There is no report “${report}” you may run.`, 404);
      return summary;
    },
  });

  /** The rows read so far while later pages of a big result still load. */
  @state() private _rowsSoFar: LoadedResult | undefined;

  private _result = new Task(this, {
    args: () => [this._session, this._run.phase === 'completed' ? this._run.statementId : undefined] as const,
    task: async ([session, statementId], { signal }) => {
      this._rowsSoFar = undefined;
      if (session === undefined || statementId === undefined) return undefined;
      try {
        return await fetchResult(session.rest, statementId, signal, (sofar) => {
          if (!signal.aborted) this._rowsSoFar = sofar;
        });
      } finally {
        if (!signal.aborted) this._rowsSoFar = undefined;
      }
    },
  });

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.topic === '') this.topic = `${this.report || 'report'}-${++topicCounter}`;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._unlisten?.();
    this._unlisten = undefined;
    this._tick(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('_session' as keyof RedwireReportElement) || changed.has('topic')) this._listen();
  }

  private _listen(): void {
    this._unlisten?.();
    this._unlisten = undefined;
    const session = this._session;
    if (session === undefined) {
      this._run = { phase: 'idle' };
      return;
    }
    const onState = () => (this._connectionState = session.connection.state);
    const stop = session.connection.listen(this.topic, (message) => this._onMessage(message));
    session.connection.addEventListener('statechange', onState);
    onState();
    this._unlisten = () => {
      stop();
      session.connection.removeEventListener('statechange', onState);
    };
  }

  private _onMessage(message: ServerMessage): void {
    const before = this._run;
    const after = nextRun(before, message, Date.now());
    if (after === before) return;
    this._run = after;
    this._tick(isPending(after));
    const base = { report: this.report, topic: this.topic };
    if (after.phase === 'running' && before.phase === 'submitted') fire(this, 'redwire-accepted', { ...base, requestId: after.requestId, statementId: after.statementId });
    if (after.phase === 'completed') fire(this, 'redwire-completed', { ...base, statementId: after.statementId, rowCount: after.rowCount });
    if (after.phase === 'aborted') fire(this, 'redwire-aborted', { ...base, statementId: after.statementId });
    if (after.phase === 'failed') fire(this, 'redwire-error', { source: 'report', ...base, code: after.code, message: errorText(after.code, after.message), statementId: after.statementId });
  }

  private _tick(on: boolean): void {
    if (on && this._ticker === undefined) this._ticker = setInterval(() => (this._now = Date.now()), 1000);
    if (!on && this._ticker !== undefined) {
      clearInterval(this._ticker);
      this._ticker = undefined;
    }
    this._now = Date.now();
  }

  private async _onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const session = this._session;
    const summary = this._catalog.value;
    const form = event.target as HTMLFormElement;
    if (session === undefined || summary === undefined || isPending(this._run) || !form.reportValidity()) return;
    const params = readParamValues(paramFields(summary.params), new FormData(form));
    this._csvError = '';
    if (summary.chart !== undefined) preloadChartLibrary();
    this._run = { phase: 'submitted', requestId: '', submittedAt: Date.now() };
    this._tick(true);
    try {
      const requestId = await session.connection.submit(this.topic, this.report, params);
      if (this._run.phase === 'submitted' && this._run.requestId === '') this._run = { ...this._run, requestId };
      fire(this, 'redwire-submitted', { report: this.report, topic: this.topic, requestId, params });
    } catch {
      this._run = { phase: 'failed', code: 'network', message: '' };
      this._tick(false);
      fire(this, 'redwire-error', { source: 'report', report: this.report, topic: this.topic, code: 'network', message: errorText('network', '') });
    }
  }

  private async _onCancel(): Promise<void> {
    const run = this._run;
    if (run.phase !== 'running' || run.cancelling || this._session === undefined) return;
    this._run = { ...run, cancelling: true };
    await this._session.connection.cancel(run.statementId).catch(() => {
      if (this._run.phase === 'running') this._run = { ...this._run, cancelling: false };
    });
  }

  private async _onDownload(statementId: string): Promise<void> {
    const session = this._session;
    if (session === undefined) return;
    this._csvError = '';
    try {
      const blob = await session.rest.resultCsv(statementId);
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = `${this.report}-${statementId}.csv`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      const code = error instanceof RestError ? error.code : 'network';
      this._csvError = errorText(code, error instanceof RestError ? error.message : '');
    }
  }

  /** The announced status: it changes with the phase only, so screen readers are not told every second. */
  private _statusText(): string {
    const run = this._run;
    const lost = this._connectionState !== 'open' && isPending(run) ? ' The connection was lost; reconnecting — the report keeps running.' : '';
    switch (run.phase) {
      case 'idle':
        return '';
      case 'submitted':
        return `Submitted.${lost}`;
      case 'running':
        return `${run.cancelling ? 'Cancelling' : 'Running'}.${lost}`;
      case 'completed':
        return `Completed in ${(run.elapsedMs / 1000).toFixed(1)} s: ${run.rowCount ?? 'unknown number of'} rows.`;
      case 'aborted':
        return 'Cancelled.';
      case 'failed':
        return 'Failed.';
    }
  }

  /** Seconds since `accepted`, by this browser's clock; shown (not announced) while the statement runs. */
  private _elapsedText(): string {
    const run = this._run;
    if (run.phase !== 'running') return '';
    return `Elapsed: ${Math.max(0, Math.floor((this._now - run.acceptedAt) / 1000))} s`;
  }

  private _renderResult(summary: ReportSummary) {
    const run = this._run;
    if (run.phase !== 'completed') return nothing;
    return this._result.render({
      // The first page is shown at once; the chart waits for every row (a partial chart would mislead).
      pending: () =>
        this._rowsSoFar === undefined
          ? html`<p>Loading the rows…</p>`
          : html`<p role="status">Loading more rows… ${this._rowsSoFar.rows.length} so far.</p>
              <redwire-result-table exportparts="table,pager" .columns=${this._rowsSoFar.columns} .rows=${this._rowsSoFar.rows} caption=${summary.title}></redwire-result-table>`,
      error: (error) => html`<p class="error" role="alert" part="error">${errorText(error instanceof RestError ? error.code : 'network', error instanceof RestError ? error.message : '')}</p>`,
      complete: (result) =>
        result === undefined
          ? nothing
          : html`${result.truncated ? html`<p>Showing the first ${result.rows.length} rows; Download CSV has them all.</p>` : nothing}
              <redwire-result-table exportparts="table,pager" .columns=${result.columns} .rows=${result.rows} caption=${summary.title}></redwire-result-table>
              ${summary.chart === undefined
                ? nothing
                : html`<redwire-chart .hint=${summary.chart} .columns=${result.columns} .rows=${result.rows} label=${summary.title}></redwire-chart>`}`,
    });
  }

  private _renderReport(summary: ReportSummary) {
    const run = this._run;
    const fields = paramFields(summary.params);
    const failure = run.phase === 'failed' ? errorText(run.code, run.message) : this._csvError;
    return html`<section aria-labelledby="title">
      <h2 id="title">${summary.title}</h2>
      <p class="description">${summary.description}</p>
      <form part="form" @submit=${this._onSubmit}>
        <div class="fields">${renderParamFields(fields, this.topic)}</div>
        <div class="actions">
          <button type="submit" ?disabled=${isPending(run)}>Submit</button>
          <button type="button" class="secondary" ?disabled=${run.phase !== 'running' || run.cancelling} @click=${this._onCancel}>Cancel</button>
          ${run.phase === 'completed'
            ? html`<button type="button" class="secondary" @click=${() => this._onDownload(run.statementId)}>Download CSV</button>`
            : nothing}
        </div>
      </form>
      <p class="status" part="status" data-phase=${run.phase}>
        <span role="status" aria-live="polite">${this._statusText()}</span>
        <span class="elapsed" part="elapsed">${this._elapsedText()}</span>
      </p>
      <p class="error" part="error" role="alert">${failure}</p>
      ${this._renderResult(summary)}
    </section>`;
  }

  override render() {
    if (this._session === undefined) return html`<p class="muted">Sign in to run ${this.report}.</p>`;
    return this._catalog.render({
      pending: () => html`<p role="status">Loading the report…</p>`,
      error: (error) =>
        html`<p class="error" role="alert" part="error">
          ${errorText(error instanceof RestError ? error.code : 'network', error instanceof RestError ? error.message : '')}
        </p>`,
      complete: (summary) => (summary === undefined ? nothing : this._renderReport(summary)),
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'redwire-report': RedwireReportElement;
  }
}
