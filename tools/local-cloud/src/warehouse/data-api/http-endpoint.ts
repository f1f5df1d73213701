import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { stringifyLossless } from '../dialect/lossless-json.js';
import { DataApiError, serialization, tooLarge, unknownOperation } from './data-api-error.js';

/** Larger than a full batch (40 × 100 KB of SQL) with its JSON framing. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;
const TARGET_PREFIX = 'RedshiftData.';

export type Operations = Record<string, (body: Record<string, unknown>) => Promise<unknown>>;

/**
 * The awsJson1_1 front door: `POST /` with `X-Amz-Target: RedshiftData.<Op>`.
 * Every failure is answered in AWS's shape and the server keeps serving.
 * Signatures are not checked: any credentials are accepted locally.
 */
export function createDataApiHttpServer(operations: Operations): Server {
  return createServer((request, response) => {
    void handle(operations, request, response).catch((error: unknown) => {
      send(response, new DataApiError('InternalServerException', 500, error instanceof Error ? error.message : String(error)));
    });
  });
}

async function handle(operations: Operations, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const body = await readBody(request);
  if (body instanceof DataApiError) return send(response, body);
  const target = String(request.headers['x-amz-target'] ?? '');
  const operation = target.startsWith(TARGET_PREFIX) ? operations[target.slice(TARGET_PREFIX.length)] : undefined;
  if (request.method !== 'POST' || !operation || !Object.hasOwn(operations, target.slice(TARGET_PREFIX.length))) {
    return send(response, unknownOperation(target));
  }
  let input: unknown;
  try {
    input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    return send(response, serialization('The request body is not valid JSON.'));
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return send(response, serialization('The request body must be a JSON object.'));
  }
  try {
    send(response, 200, await operation(input as Record<string, unknown>));
  } catch (error) {
    if (error instanceof DataApiError) return send(response, error);
    throw error;
  }
}

function readBody(request: IncomingMessage): Promise<Buffer | DataApiError> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(tooBig ? tooLarge(MAX_BODY_BYTES) : Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, statusOrError: number | DataApiError, payload?: unknown): void {
  if (response.headersSent) return;
  const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': randomUUID() };
  let status: number;
  let body: unknown;
  if (statusOrError instanceof DataApiError) {
    status = statusOrError.httpStatus;
    body = statusOrError.body();
    headers['x-amzn-errortype'] = statusOrError.type;
  } else {
    status = statusOrError;
    body = payload;
  }
  const text = stringifyLossless(body);
  headers['content-length'] = String(Buffer.byteLength(text));
  response.writeHead(status, headers).end(text);
}
