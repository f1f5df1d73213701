import * as z from 'zod/mini';
import { ERROR_HTTP_STATUS, errorDetailSchema, MAX_ERROR_MESSAGE_LENGTH, type ErrorCode, type ErrorDetail } from '../errors.js';

/** Body of every HTTP error response: `{"error":{"code","message"}}`. */
export const httpErrorBodySchema = z.strictObject({ error: errorDetailSchema });
export type HttpErrorBody = z.output<typeof httpErrorBodySchema>;

/**
 * Status code and body for an HTTP error response (the status follows the code).
 * The message is cut to the protocol's limit rather than failing the error path.
 */
export function httpError(code: ErrorCode, message: string): { status: number; body: HttpErrorBody } {
  const error: ErrorDetail = { code, message: message.slice(0, MAX_ERROR_MESSAGE_LENGTH) || code };
  return { status: ERROR_HTTP_STATUS[code], body: { error } };
}
