import * as z from 'zod/mini';
import { chartHintSchema, type ChartHint } from '../chart.js';
import { errorDetailReaderSchema } from '../errors.js';
import { describeIssue } from '../issues.js';
import { resultCellSchema } from './result-page.js';
import { STATEMENT_STATES } from './statement-status.js';

/*
 * Browser-side readers for HTTP bodies. Like server messages, they ignore
 * fields they do not know and keep error codes they do not know as strings.
 */
const text = z.string().check(z.minLength(1));
const count = z.int().check(z.gte(0));

const statusReader = z.object({
  statementId: text,
  reportId: text,
  state: z.enum(STATEMENT_STATES),
  submittedAt: text,
  elapsedMs: count,
  rowCount: z.optional(count),
  error: z.optional(errorDetailReaderSchema),
});

const pageReader = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.array(z.array(resultCellSchema)),
  cursor: z.optional(text),
}).check(z.refine((page) => page.rows.every((row) => row.length === page.columns.length), 'every row must have one cell per column'));

const errorBodyReader = z.object({ error: errorDetailReaderSchema });

const reportListReader = z.object({
  reports: z.array(z.object({
    id: text,
    title: text,
    description: z.string(),
    params: z.looseObject({
      type: z.literal('object'),
      properties: z.record(z.string(), z.looseObject({ title: z.string() })),
      required: z.optional(z.array(z.string())),
    }),
    chart: z.optional(z.unknown()),
  })),
});

export type ReceivedStatementStatus = z.output<typeof statusReader>;
export type ReceivedResultPage = z.output<typeof pageReader>;
export type ReceivedHttpError = z.output<typeof errorBodyReader>;
type ReportEntry = z.output<typeof reportListReader>['reports'][number];
/** A report as the browser sees it; `chart` is dropped when it is a kind this page cannot draw. */
export type ReceivedReportSummary = Omit<ReportEntry, 'chart'> & { chart?: ChartHint };
export interface ReceivedReportList { reports: ReceivedReportSummary[] }

export type ReadResult<T> = { ok: true; value: T } | { ok: false; reason: string };

function read<T>(schema: z.ZodMiniType<T>, raw: unknown): ReadResult<T> {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return { ok: false, reason: 'body is not valid JSON' };
    }
  }
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const [first] = result.error.issues;
  return { ok: false, reason: first ? describeIssue(first, value).replace(/^message\b/, 'body') : 'body is invalid' };
}

/** Reads `GET /statements/{id}` (JSON text or a parsed value). Never throws. */
export function readStatementStatus(raw: unknown): ReadResult<ReceivedStatementStatus> {
  return read(statusReader, raw);
}

/** Reads a result page (JSON text or a parsed value). Never throws. */
export function readResultPage(raw: unknown): ReadResult<ReceivedResultPage> {
  return read(pageReader, raw);
}

/** Reads an HTTP error body. Never throws. */
export function readHttpError(raw: unknown): ReadResult<ReceivedHttpError> {
  return read(errorBodyReader, raw);
}

/** Reads `GET /reports`; a chart hint this page does not understand is dropped, the report kept. Never throws. */
export function readReportList(raw: unknown): ReadResult<ReceivedReportList> {
  const result = read(reportListReader, raw);
  if (!result.ok) return result;
  const reports = result.value.reports.map(({ chart, ...report }): ReceivedReportSummary => {
    const hint = chart === undefined ? undefined : chartHintSchema.safeParse(chart);
    return hint?.success ? { ...report, chart: hint.data } : report;
  });
  return { ok: true, value: { reports } };
}
