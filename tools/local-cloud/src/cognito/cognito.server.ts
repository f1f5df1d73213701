import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Jwks } from '@redwire/auth';
import { BodyTooLargeError, parseJsonObject, readBody, sendAwsJsonError, sendJson } from '../http/http-io.js';
import { CognitoApiError, type CognitoCall } from './cognito.service.js';

const TARGET_PREFIX = 'AWSCognitoIdentityProviderService.';
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'POST,GET,OPTIONS',
  'access-control-allow-headers': 'content-type,x-amz-target,x-amz-user-agent,authorization,amz-sdk-invocation-id,amz-sdk-request,cache-control',
  'access-control-max-age': '600',
};

/** Dates leave as epoch seconds, as Cognito's awsJson does. */
function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  return raw instanceof Date ? Math.floor(raw.getTime() / 1000) : value;
}

/** Cognito's awsJson1.1 API on 127.0.0.1 (browsers call it directly, so CORS allows any origin), plus the JWKS. */
export function createCognitoServer(call: () => CognitoCall, jwks: Jwks, logger: Logger): Server {
  return createServer((req, res) => {
    for (const [k, v] of Object.entries(CORS)) res.setHeader(k, v);
    if (req.method === 'OPTIONS') {
      req.resume();
      return res.writeHead(204).end();
    }
    if (req.method === 'GET') {
      req.resume();
      if (/^\/[^/]+\/\.well-known\/jwks\.json$/.test(req.url ?? '')) return sendJson(res, 200, jwks);
      if (req.url === '/health') return sendJson(res, 200, { ok: true });
      return sendJson(res, 404, { message: 'Not Found' });
    }
    void (async () => {
      try {
        const target = String(req.headers['x-amz-target'] ?? '');
        const body = parseJsonObject(await readBody(req, 1024 * 1024));
        if (!target.startsWith(TARGET_PREFIX)) return sendAwsJsonError(res, 400, 'UnknownOperationException', 'Missing or unknown X-Amz-Target');
        if (!body) return sendAwsJsonError(res, 400, 'SerializationException', 'Request body is not a JSON object');
        const output = await call()(target.slice(TARGET_PREFIX.length), body);
        const text = JSON.stringify(output ?? {}, replacer);
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1', 'content-length': Buffer.byteLength(text) }).end(text);
      } catch (error) {
        if (error instanceof CognitoApiError) return sendAwsJsonError(res, error.status, error.type, error.message);
        if (error instanceof BodyTooLargeError) return sendAwsJsonError(res, 413, 'InvalidParameterException', 'Request too large');
        logger.error({ err: error }, 'cognito request failed');
        sendAwsJsonError(res, 500, 'InternalErrorException', 'Internal error');
      }
    })();
  });
}
