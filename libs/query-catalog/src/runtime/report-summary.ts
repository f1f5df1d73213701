import type { ReportSummary } from '@redwire/protocol';
import type { CatalogBundle, CatalogReport } from '../catalog/report-definition.js';
import { paramJsonSchema } from '../params/param-values.js';
import { isReportAllowed } from './prepare-statement.js';

/** What the report list shows a browser: no SQL, no groups; parameters as a JSON Schema object with labels as titles. */
export function toReportSummary(report: CatalogReport): ReportSummary {
  const summary: ReportSummary = {
    id: report.id,
    title: report.title,
    description: report.description,
    params: {
      type: 'object',
      properties: Object.fromEntries(report.parameters.map((def) => [def.name, paramJsonSchema(def)])),
      required: report.parameters.map((def) => def.name),
      additionalProperties: false,
    },
  };
  if (report.chart !== undefined) summary.chart = report.chart;
  return summary;
}

/** Summaries of the reports the user may run, in catalog order. */
export function listReports(catalog: CatalogBundle, userGroups: readonly string[]): ReportSummary[] {
  return catalog.reports.filter((report) => isReportAllowed(report, userGroups)).map(toReportSummary);
}
