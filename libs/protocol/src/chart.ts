import * as z from 'zod/mini';
import { columnNameSchema } from './ids.js';

/** Most measures one chart draws. */
export const MAX_CHART_MEASURES = 8;

export const CHART_TYPES = ['line', 'bar', 'stacked-bar', 'heatmap'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

const chartTitleSchema = z.string().check(
  z.minLength(1),
  z.maxLength(120, 'chart title must be at most 120 characters'),
  z.regex(/^[^\p{Cc}]*$/u, 'chart title must not contain control characters'),
);

function distinct(columns: readonly (string | undefined)[]): boolean {
  const present = columns.filter((column): column is string => column !== undefined);
  return new Set(present).size === present.length;
}

/**
 * `line`, `bar`, `stacked-bar`: `x` is the category/time axis; each `y` column
 * is one measure (one line, one bar group). With `series`, the rows are split
 * by that column's values instead, which needs exactly one measure in `y`.
 */
export const seriesChartHintSchema = z.strictObject({
  type: z.enum(['line', 'bar', 'stacked-bar']),
  x: columnNameSchema,
  y: z.array(columnNameSchema).check(
    z.minLength(1, 'y must name at least one column'),
    z.maxLength(MAX_CHART_MEASURES, `y must name at most ${MAX_CHART_MEASURES} columns`),
  ),
  series: z.optional(columnNameSchema),
  title: z.optional(chartTitleSchema),
}).check(
  z.refine((hint) => hint.series === undefined || hint.y.length === 1, 'series needs exactly one y column'),
  z.refine((hint) => distinct([hint.x, ...hint.y, hint.series]), 'x, y and series must name different columns'),
);

/**
 * `heatmap`: a grid with `x` across, `y[0]` down, and the `value` column
 * giving each cell's intensity.
 */
export const heatmapChartHintSchema = z.strictObject({
  type: z.literal('heatmap'),
  x: columnNameSchema,
  y: z.tuple([columnNameSchema]),
  value: columnNameSchema,
  title: z.optional(chartTitleSchema),
}).check(z.refine((hint) => distinct([hint.x, hint.y[0], hint.value]), 'x, y and value must name different columns'));

/** How a report's result is best drawn; the catalog declares it, the web chart reads it. */
export const chartHintSchema = z.discriminatedUnion('type', [seriesChartHintSchema, heatmapChartHintSchema]);

export type SeriesChartHint = z.output<typeof seriesChartHintSchema>;
export type HeatmapChartHint = z.output<typeof heatmapChartHintSchema>;
export type ChartHint = z.output<typeof chartHintSchema>;

/** Every result column a chart hint reads, in a stable order. */
export function chartColumns(hint: ChartHint): string[] {
  if (hint.type === 'heatmap') return [hint.x, hint.y[0], hint.value];
  return [hint.x, ...hint.y, ...(hint.series === undefined ? [] : [hint.series])];
}
