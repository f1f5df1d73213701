import * as z from 'zod/mini';
import { chartHintSchema } from '../chart.js';
import { paramNameSchema, reportIdSchema } from '../ids.js';

const labelSchema = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[^\p{Cc}]*$/u));

/**
 * One parameter as JSON Schema. Any JSON Schema keywords may appear (`type`,
 * `format`, `pattern`, `enum`, `minimum` …); `title` is required and is the
 * label the generated form shows.
 */
export const paramJsonSchemaSchema = z.looseObject({
  title: labelSchema,
  description: z.optional(z.string().check(z.maxLength(500))),
});

/** A report's parameters as a JSON Schema object: properties keyed by parameter name. */
export const reportParamsSchema = z.looseObject({
  type: z.literal('object'),
  properties: z.record(paramNameSchema, paramJsonSchemaSchema),
  required: z.array(paramNameSchema),
  additionalProperties: z.optional(z.literal(false)),
}).check(
  z.refine(
    (params) => params.required.every((name) => Object.hasOwn(params.properties, name)),
    'every required parameter must be a property',
  ),
  z.refine((params) => new Set(params.required).size === params.required.length, 'required must not repeat a name'),
);

/** What the report list tells a browser about one report. */
export const reportSummarySchema = z.strictObject({
  id: reportIdSchema,
  title: labelSchema,
  description: z.string().check(z.maxLength(2000)),
  params: reportParamsSchema,
  /** Absent when the report is best shown as a table only. */
  chart: z.optional(chartHintSchema),
});

/** `GET /reports`: the reports the caller may run. */
export const reportListSchema = z.strictObject({
  reports: z.array(reportSummarySchema),
});

export type ParamJsonSchema = z.output<typeof paramJsonSchemaSchema>;
export type ReportParams = z.output<typeof reportParamsSchema>;
export type ReportSummary = z.output<typeof reportSummarySchema>;
export type ReportList = z.output<typeof reportListSchema>;
