import type { ChartHint } from '@redwire/protocol';
import { Task } from '@lit/task';
import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { baseStyles } from '../shared/styles.js';
import type { Cell, ResultColumn } from './cell-format.js';
import { chartPoints, chartProblem, type ChartPoint } from './chart-data.js';

type PlotModule = typeof import('@observablehq/plot');

/** Observable Plot, loaded once on first use so pages without charts never pay for it. */
let plotModule: Promise<PlotModule> | undefined;
const loadPlot = () => (plotModule ??= import('@observablehq/plot'));

/** Starts loading the chart library (e.g. when a report with a chart is submitted), so the chart follows the table at once. */
export function preloadChartLibrary(): void {
  loadPlot().catch(() => {
    plotModule = undefined; // the chart element reports the failure when it draws
  });
}

function marks(Plot: PlotModule, hint: ChartHint, points: ChartPoint[]) {
  // The SVG as a whole carries the label and description; its marks are hidden from assistive
  // technology (Plot would label bare <g> elements, which ARIA forbids) — the table holds the values.
  const common = { ariaHidden: 'true', tip: { ariaHidden: 'true', channels: { series: 'series' } } } as const;
  const baseline = Plot.ruleY([0], { ariaHidden: 'true' });
  switch (hint.type) {
    case 'heatmap':
      return [Plot.cell(points, { x: 'x', y: 'y', fill: 'value', ariaHidden: 'true', tip: { ariaHidden: 'true' } })];
    case 'line':
      return [Plot.lineY(points, { x: 'x', y: 'value', stroke: 'series', ...common }), baseline];
    case 'stacked-bar':
      return [Plot.barY(points, { x: 'x', y: 'value', fill: 'series', ...common }), baseline];
    case 'bar': {
      const grouped = new Set(points.map((p) => p.series)).size > 1;
      return grouped
        ? [Plot.barY(points, { fx: 'x', x: 'series', y: 'value', fill: 'series', ...common }), baseline]
        : [Plot.barY(points, { x: 'x', y: 'value', fill: 'series', ...common }), baseline];
    }
  }
}

/**
 * A chart drawn from a report's chart hint with Observable Plot (SVG with an
 * ARIA label and description; the table next to it holds the same numbers as text).
 *
 * @csspart figure - the figure around the chart
 * @cssprop --redwire-chart-height - the chart's height (default 320px)
 */
@customElement('redwire-chart')
export class RedwireChartElement extends LitElement {
  static override styles = [
    baseStyles,
    css`
      figure {
        margin: 1em 0;
      }
      figcaption {
        font-weight: 600;
      }
      svg {
        max-width: 100%;
        height: auto;
      }
    `,
  ];

  @property({ attribute: false }) hint: ChartHint | undefined;
  @property({ attribute: false }) columns: ResultColumn[] = [];
  @property({ attribute: false }) rows: Cell[][] = [];
  /** The chart's title, read first by screen readers. */
  @property() label = 'Chart';

  private _draw = new Task(this, {
    args: () => [this.hint, this.columns, this.rows] as const,
    task: async ([hint, columns, rows]) => {
      if (hint === undefined || rows.length === 0) return undefined;
      const problem = chartProblem(hint, columns);
      if (problem !== undefined) throw new Error(problem);
      const Plot = await loadPlot();
      const points = chartPoints(hint, columns, rows);
      const measures = hint.type === 'heatmap' ? hint.value : hint.series ?? hint.y.join(', ');
      const height = parseInt(getComputedStyle(this).getPropertyValue('--redwire-chart-height'), 10) || 320;
      return Plot.plot({
        width: Math.max(320, this.clientWidth || 640),
        height,
        marginLeft: 60,
        x: hint.type === 'bar' && new Set(points.map((p) => p.series)).size > 1 ? { axis: null } : { label: hint.x },
        y: { grid: true, label: hint.type === 'heatmap' ? hint.y[0] : measures },
        color: { legend: hint.type !== 'heatmap' || undefined, scheme: hint.type === 'heatmap' ? 'blues' : undefined },
        ariaLabel: hint.title ?? this.label,
        ariaDescription: `${hint.type} chart of ${measures} by ${hint.x}, ${rows.length} rows; the table below lists every value.`,
        marks: marks(Plot, hint, points),
      });
    },
  });

  override render() {
    return this._draw.render({
      pending: () => html`<p role="status">Drawing the chart…</p>`,
      complete: (chart) =>
        chart === undefined ? html`` : html`<figure part="figure"><figcaption>${this.hint?.title ?? this.label}</figcaption>${chart}</figure>`,
      error: (error) => html`<p class="error" role="alert">The chart cannot be drawn: ${error instanceof Error ? error.message : 'unknown problem'}</p>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'redwire-chart': RedwireChartElement;
  }
}
