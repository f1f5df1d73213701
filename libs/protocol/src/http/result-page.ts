import * as z from 'zod/mini';
import { cellFitsType } from './result-cell.js';

/** Redshift allows at most 1,600 columns in a table. */
export const MAX_RESULT_COLUMNS = 1600;

export const resultCellSchema = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/** One result column: its label and its Redshift type name (`int8`, `float8`, `numeric`, `varchar`, `date` …). */
export const resultColumnSchema = z.strictObject({
  name: z.string().check(z.minLength(1), z.maxLength(127), z.regex(/^[^\p{Cc}]*$/u)),
  type: z.string().check(z.regex(/^[a-z][a-z0-9_ ]{0,63}$/, 'must be a lowercase Redshift type name')),
});

/** Opaque, signed continuation token; URL-safe so it travels in `?cursor=`. */
export const resultCursorSchema = z.string().check(z.regex(/^[A-Za-z0-9._~-]{1,2048}$/, 'must be an opaque URL-safe token'));

/**
 * `GET /statements/{id}/result`: one bounded page of typed rows. Each row has
 * one cell per column, and each cell has the JSON form its column's type gives
 * (see {@link cellFitsType}). `cursor` is present when more rows follow.
 */
export const resultPageSchema = z.strictObject({
  columns: z.array(resultColumnSchema).check(z.minLength(1), z.maxLength(MAX_RESULT_COLUMNS)),
  rows: z.array(z.array(resultCellSchema)),
  cursor: z.optional(resultCursorSchema),
}).check(
  z.refine((page) => page.rows.every((row) => row.length === page.columns.length), 'every row must have one cell per column'),
  z.refine(
    (page) => page.rows.every((row) => row.every((cell, index) => cellFitsType(page.columns[index]?.type ?? '', cell))),
    'every cell must have the JSON form of its column type',
  ),
);

export type ResultColumn = z.output<typeof resultColumnSchema>;
export type ResultPage = z.output<typeof resultPageSchema>;
