import { chartHintSchema, reportIdSchema } from '@redwire/protocol';
import * as z from 'zod/mini';
import { paramDefinitionSchema } from '../params/param-definition.js';

/** Cognito group names: 1–128 letters, marks, symbols, numbers or punctuation. */
const groupNameSchema = z.string().check(z.regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u, 'must be a Cognito group name'));
const titleSchema = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[^\p{Cc}]*$/u, 'must not contain control characters'));

/** The JSON inside a report file's front matter block. */
export const reportFrontMatterSchema = z.strictObject({
  id: reportIdSchema,
  title: titleSchema,
  description: z.string().check(z.maxLength(2000)),
  /** Cognito groups allowed to run the report; empty means everyone signed in. */
  groups: z.array(groupNameSchema),
  parameters: z.array(paramDefinitionSchema).check(
    z.refine((params) => new Set(params.map((p) => p.name)).size === params.length, 'parameter names must be distinct'),
  ),
  chart: z.optional(chartHintSchema),
});
export type ReportFrontMatter = z.output<typeof reportFrontMatterSchema>;

/** One report of a built catalog: its front matter, its one statement, and where it came from. */
export const catalogReportSchema = z.strictObject({
  ...reportFrontMatterSchema.def.shape,
  /** The single read-only statement, with Data API `:name` placeholders, no trailing semicolon. */
  sql: z.string().check(z.minLength(1)),
  source: z.strictObject({ file: z.string(), line: z.number() }),
});
export type CatalogReport = z.output<typeof catalogReportSchema>;

export const CATALOG_BUNDLE_VERSION = 1;

/** The catalog bundle handlers load: every report, and the SHA-256 of their canonical JSON. */
export const catalogBundleSchema = z.strictObject({
  version: z.literal(CATALOG_BUNDLE_VERSION),
  contentHash: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'must be a hex SHA-256')),
  reports: z.array(catalogReportSchema),
});
export type CatalogBundle = z.output<typeof catalogBundleSchema>;
