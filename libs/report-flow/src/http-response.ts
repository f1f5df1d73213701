import { httpError, type ErrorCode } from '@redwire/protocol';

/** An HTTP API (payload format 2.0) proxy result. */
export interface HttpResponse {
  readonly statusCode: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

const NO_STORE = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };

export function jsonResponse(statusCode: number, body: unknown): HttpResponse {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...NO_STORE }, body: JSON.stringify(body) };
}

export function errorResponse(code: ErrorCode, message: string): HttpResponse {
  const { status, body } = httpError(code, message);
  return jsonResponse(status, body);
}

export function csvResponse(body: string, filename: string): HttpResponse {
  return {
    statusCode: 200,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"`, ...NO_STORE },
    body,
  };
}
