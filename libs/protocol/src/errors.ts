import * as z from 'zod/mini';

/**
 * The one list of error codes used on the WebSocket, in HTTP bodies and in
 * statement outcomes. Server and browser share it.
 */
export const ERROR_CODES = [
  /** The message or request body is not valid JSON of the expected shape. */
  'invalid_message',
  /** The report's parameters are missing, unknown or out of bounds. */
  'invalid_params',
  /** No report with that id in the current catalog. */
  'report_not_found',
  /** Signed in, but not allowed to run or read this. */
  'forbidden',
  /** No statement with that id (or not one of the caller's). */
  'statement_not_found',
  /** The statement's results are no longer available. */
  'statement_expired',
  /** The caller already has the maximum number of statements running. */
  'too_many_statements',
  /** The message exceeds the protocol's size limit. */
  'message_too_large',
  /** Missing, invalid or expired credentials. */
  'unauthorized',
  /** No such HTTP route or resource. */
  'not_found',
  /** The result cannot be delivered in one response (e.g. CSV over the limit). */
  'result_too_large',
  /** The result was asked for before the statement finished. */
  'result_not_ready',
  /** The result-page cursor is malformed, forged or belongs to another statement. */
  'invalid_cursor',
  /** The warehouse ran the statement and it failed (SQL error). */
  'query_failed',
  /** Too many requests in a short time; retry later. */
  'rate_limited',
  /** A dependency (warehouse, table) is temporarily unavailable; retry later. */
  'unavailable',
  /** An unexpected server error; details are in the server logs only. */
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const errorCodeSchema = z.enum(ERROR_CODES);

/** True when `value` is one of {@link ERROR_CODES}. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The HTTP status each error code maps to when it is an HTTP response. */
export const ERROR_HTTP_STATUS: Readonly<Record<ErrorCode, number>> = {
  invalid_message: 400,
  invalid_params: 400,
  report_not_found: 404,
  forbidden: 403,
  statement_not_found: 404,
  statement_expired: 410,
  too_many_statements: 429,
  message_too_large: 413,
  unauthorized: 401,
  not_found: 404,
  result_too_large: 413,
  result_not_ready: 409,
  invalid_cursor: 400,
  query_failed: 422,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Longest human error message the protocol carries. */
export const MAX_ERROR_MESSAGE_LENGTH = 500;

export const errorMessageTextSchema = z.string().check(
  z.minLength(1, 'error message must not be empty'),
  z.maxLength(MAX_ERROR_MESSAGE_LENGTH, `error message must be at most ${MAX_ERROR_MESSAGE_LENGTH} characters`),
);

/** `{code, message}` as written by the server (code from the closed list). */
export const errorDetailSchema = z.strictObject({
  code: errorCodeSchema,
  message: errorMessageTextSchema,
});
export type ErrorDetail = z.output<typeof errorDetailSchema>;

/**
 * `{code, message}` as read by the browser: a code this page does not know yet
 * (added by a newer server) is kept as a string, and unknown fields are ignored.
 */
export const errorDetailReaderSchema = z.object({
  code: z.string().check(z.minLength(1)),
  message: z.string(),
});
export type ReceivedErrorDetail = z.output<typeof errorDetailReaderSchema>;
