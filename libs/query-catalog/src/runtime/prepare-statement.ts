import * as z from 'zod/mini';
import { describeIssue } from '../catalog/describe-issue.js';
import type { CatalogBundle, CatalogReport } from '../catalog/report-definition.js';
import { paramDataApiValues, paramValueSchema, type DataApiParameter, type ParamValue } from '../params/param-values.js';

/** What the warehouse receives: the catalog's SQL text as it is, and every value as a bound Data API parameter. */
export interface PreparedStatement {
  sql: string;
  /** Empty for a report without parameters: omit `Parameters` from ExecuteStatement then (the Data API wants at least one). */
  parameters: DataApiParameter[];
}

export type PrepareErrorCode = 'report_not_found' | 'forbidden' | 'invalid_params';

/** One problem with one parameter; `param` is absent for problems with the object as a whole. */
export interface ParamIssue {
  param?: string;
  message: string;
}

export interface PrepareError {
  code: PrepareErrorCode;
  message: string;
  details?: ParamIssue[];
}

export type PrepareResult =
  | { ok: true; statement: PreparedStatement; report: CatalogReport }
  | { ok: false; error: PrepareError };

/** True when the report is open to everyone signed in, or the user is in one of its groups. */
export function isReportAllowed(report: CatalogReport, userGroups: readonly string[]): boolean {
  return report.groups.length === 0 || report.groups.some((group) => userGroups.includes(group));
}

const paramsSchemas = new WeakMap<CatalogReport, z.ZodMiniType<Record<string, ParamValue>>>();

function paramsSchemaOf(report: CatalogReport): z.ZodMiniType<Record<string, ParamValue>> {
  let schema = paramsSchemas.get(report);
  if (schema === undefined) {
    schema = z.strictObject(Object.fromEntries(report.parameters.map((def) => [def.name, paramValueSchema(def)])));
    paramsSchemas.set(report, schema);
  }
  return schema;
}

function paramIssues(report: CatalogReport, raw: Record<string, unknown>, issues: readonly z.core.$ZodIssue[]): ParamIssue[] {
  const labels = new Map(report.parameters.map((def) => [def.name, def.label]));
  return issues.flatMap((issue): ParamIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ param: key.slice(0, 64), message: `${JSON.stringify(key.slice(0, 64))} is not a parameter of this report` }));
    }
    const param = String(issue.path[0] ?? '');
    if (param === '') return [{ message: describeIssue(issue) }];
    const label = labels.get(param) ?? param;
    const missing = !Object.hasOwn(raw, param);
    const where = issue.path.length > 1 ? `${label} (${issue.path.slice(1).join('.')})` : label;
    return [{ param, message: missing ? `${label} is required` : `${where} ${describeIssue(issue)}` }];
  });
}

/**
 * Turns a request to run a catalog report into the statement for the Data
 * API. Values are validated strictly (unknown keys rejected, every parameter
 * required, bounds enforced) and only ever travel as bound parameters: the
 * SQL is the catalog's text, byte for byte.
 */
export function prepareStatement(catalog: CatalogBundle, reportId: string, rawParams: unknown, userGroups: readonly string[]): PrepareResult {
  const report = catalog.reports.find((candidate) => candidate.id === reportId);
  if (report === undefined) return { ok: false, error: { code: 'report_not_found', message: 'no report with this id in the catalog' } };
  if (!isReportAllowed(report, userGroups)) return { ok: false, error: { code: 'forbidden', message: 'you are not in a group allowed to run this report' } };
  if (rawParams === null || typeof rawParams !== 'object' || Array.isArray(rawParams)) {
    return { ok: false, error: { code: 'invalid_params', message: 'params must be an object', details: [{ message: 'params must be an object' }] } };
  }
  // Own properties only, on an object without a prototype: nothing inherited (or polluted) can pose as a value.
  const raw = Object.assign(Object.create(null) as Record<string, unknown>, Object.fromEntries(Object.entries(rawParams)));
  const parsed = paramsSchemaOf(report).safeParse(raw);
  if (!parsed.success) {
    const details = paramIssues(report, raw, parsed.error.issues);
    const message = details.map((detail) => detail.message).join('; ');
    return { ok: false, error: { code: 'invalid_params', message: message.slice(0, 500), details } };
  }
  const parameters = report.parameters.flatMap((def) => paramDataApiValues(def, parsed.data[def.name] as ParamValue));
  return { ok: true, statement: { sql: report.sql, parameters }, report };
}
