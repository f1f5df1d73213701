import * as z from 'zod/mini';

/** Client-chosen id that ties replies to a request: 1–64 of `[A-Za-z0-9_-]`. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Catalog report id: 1–64 chars, lowercase letters, digits and `-`, not starting with `-`. */
export const REPORT_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
/** Data API statement id (a UUID, optionally `:N` for a sub-statement); kept permissive in form, bounded in size. */
export const STATEMENT_ID_PATTERN = /^[A-Za-z0-9:_-]{1,128}$/;
/** Report parameter name, as bound to the Data API (`:name`). */
export const PARAM_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
/** Result/chart column name (Redshift identifiers are at most 127 bytes). */
export const COLUMN_NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_$]{0,126}$/;
/** Topic: printable text, no control characters (NUL included) and no lone surrogates. */
const TOPIC_CHARACTERS = /^[^\p{Cc}\p{Cs}]*$/u;
export const MAX_TOPIC_LENGTH = 64;

export const requestIdSchema = z.string().check(z.regex(REQUEST_ID_PATTERN, 'must be 1–64 characters of A–Z, a–z, 0–9, _ or -'));

export const reportIdSchema = z.string().check(
  z.regex(REPORT_ID_PATTERN, 'must be 1–64 characters of a–z, 0–9 or -, starting with a letter or digit'),
);

export const statementIdSchema = z.string().check(
  z.regex(STATEMENT_ID_PATTERN, 'must be 1–128 characters of A–Z, a–z, 0–9, :, _ or -'),
);

export const topicSchema = z.string().check(
  z.minLength(1, `must be 1–${MAX_TOPIC_LENGTH} characters`),
  z.maxLength(MAX_TOPIC_LENGTH, `must be 1–${MAX_TOPIC_LENGTH} characters`),
  z.regex(TOPIC_CHARACTERS, 'must not contain control characters'),
);

export const paramNameSchema = z.string().check(
  z.regex(PARAM_NAME_PATTERN, 'must be 1–64 characters of letters, digits or _, starting with a letter'),
);

export const columnNameSchema = z.string().check(
  z.regex(COLUMN_NAME_PATTERN, 'must be a column name (letters, digits, _ or $, at most 127)'),
);
