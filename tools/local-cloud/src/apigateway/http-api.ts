import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { UnauthorizedError, type IdTokenVerifier } from '@redwire/auth';
import { BodyTooLargeError, readBody, sendJson } from '../http/http-io.js';
import type { LambdaRuntime } from '../runtime/lambda-runtime.js';
import type { HttpRouteTable } from './http-route-table.js';
import { flattenClaims } from './jwt-claims.js';
import { requestTime, type ApiIdentity } from './websocket-events.js';

export interface HttpApiOptions {
  readonly api: ApiIdentity;
  readonly runtime: LambdaRuntime;
  readonly routes: HttpRouteTable;
  /** Returns the verifier of the JWT authorizer (the pool exists only once Cognito has started). */
  readonly verifier: () => IdTokenVerifier;
  /** Origins allowed by CORS (the web app's origin). */
  readonly allowedOrigins: readonly string[];
  readonly logger: Logger;
}

/** HTTP APIs accept payloads up to 10 MB. */
const MAX_BODY_BYTES = 10 * 1024 * 1024;
const TEXT_TYPES = /^(text\/|application\/(json|xml|x-www-form-urlencoded|javascript)|[^;]*\+json)/i;

function corsHeaders(req: IncomingMessage, allowed: readonly string[]): Record<string, string> {
  const origin = req.headers.origin;
  if (!origin || !allowed.includes(origin)) return {};
  return { 'access-control-allow-origin': origin, vary: 'Origin' };
}

function headersV2(req: IncomingMessage): { headers: Record<string, string>; cookies: string[] | undefined } {
  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (name === 'cookie') {
      cookies = String(value).split(/;\s*/).filter(Boolean);
      continue;
    }
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return { headers, cookies };
}

function queryV2(url: URL): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) out[k] = out[k] === undefined ? v : `${out[k]},${v}`;
  return Object.keys(out).length ? out : undefined;
}

interface ProxyResult {
  statusCode?: number;
  headers?: Record<string, string | number | boolean>;
  multiValueHeaders?: Record<string, (string | number | boolean)[]>;
  cookies?: string[];
  body?: string;
  isBase64Encoded?: boolean;
}

/** Payload format 2.0 response: a result without `statusCode` is taken as a JSON body with status 200. */
function writeResult(res: ServerResponse, result: unknown, cors: Record<string, string>): void {
  const isProxy = result !== null && typeof result === 'object' && 'statusCode' in result;
  if (!isProxy) {
    const body = typeof result === 'string' ? result : JSON.stringify(result ?? null);
    res.writeHead(200, { 'content-type': 'application/json', ...cors }).end(body);
    return;
  }
  const r = result as ProxyResult;
  const headers: Record<string, string | string[]> = { ...cors };
  for (const [k, v] of Object.entries(r.headers ?? {})) headers[k.toLowerCase()] = String(v);
  for (const [k, v] of Object.entries(r.multiValueHeaders ?? {})) headers[k.toLowerCase()] = v.map(String);
  if (r.cookies?.length) headers['set-cookie'] = r.cookies;
  const body = r.body === undefined ? '' : r.isBase64Encoded ? Buffer.from(r.body, 'base64') : r.body;
  res.writeHead(typeof r.statusCode === 'number' ? r.statusCode : 200, headers).end(body);
}

/** API Gateway HTTP API (payload format 2.0) with a Cognito JWT authorizer on every route, and CORS. */
export function createHttpApi(options: HttpApiOptions): Server {
  const { api, runtime, routes, logger } = options;
  return createServer((req, res) => {
    void (async () => {
      const cors = corsHeaders(req, options.allowedOrigins);
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method === 'OPTIONS' && req.headers['access-control-request-method']) {
        req.resume();
        res.writeHead(204, {
          ...cors,
          ...(cors['access-control-allow-origin']
            ? {
                'access-control-allow-methods': 'GET,POST,PUT,DELETE,OPTIONS',
                'access-control-allow-headers': 'authorization,content-type',
                'access-control-max-age': '300',
              }
            : {}),
        });
        return res.end();
      }
      const match = routes.match(req.method ?? 'GET', url.pathname);
      if (!match) {
        req.resume();
        return sendJson(res, 404, { message: 'Not Found' }, cors);
      }
      const authorization = req.headers.authorization ?? '';
      const token = authorization.replace(/^Bearer\s+/i, '').trim();
      let claims: Record<string, unknown>;
      try {
        claims = (await options.verifier().verify(token)).claims as Record<string, unknown>;
      } catch (error) {
        req.resume();
        if (!(error instanceof UnauthorizedError)) logger.error({ err: error }, 'JWT authorizer failed');
        return sendJson(res, 401, { message: 'Unauthorized' }, { ...cors, 'www-authenticate': 'Bearer' });
      }
      let raw: Buffer;
      try {
        raw = await readBody(req, MAX_BODY_BYTES);
      } catch (error) {
        if (error instanceof BodyTooLargeError) return sendJson(res, 413, { message: 'Request Entity Too Large' }, cors);
        throw error;
      }
      const { headers, cookies } = headersV2(req);
      const textual = TEXT_TYPES.test(String(req.headers['content-type'] ?? 'text/plain'));
      const now = Date.now();
      const event = {
        version: '2.0',
        routeKey: match.routeKey,
        rawPath: url.pathname,
        rawQueryString: url.search.replace(/^\?/, ''),
        ...(cookies ? { cookies } : {}),
        headers,
        ...(queryV2(url) ? { queryStringParameters: queryV2(url) } : {}),
        ...(match.pathParameters ? { pathParameters: match.pathParameters } : {}),
        requestContext: {
          accountId: api.account,
          apiId: api.apiId,
          authorizer: { jwt: { claims: flattenClaims(claims), scopes: null } },
          domainName: api.domainName,
          domainPrefix: api.apiId,
          http: { method: req.method, path: url.pathname, protocol: `HTTP/${req.httpVersion}`, sourceIp: req.socket.remoteAddress ?? '127.0.0.1', userAgent: String(req.headers['user-agent'] ?? '') },
          requestId: randomBytes(8).toString('base64url'),
          routeKey: match.routeKey,
          stage: '$default',
          time: requestTime(now),
          timeEpoch: now,
        },
        ...(raw.length ? { body: textual ? raw.toString('utf8') : raw.toString('base64') } : {}),
        isBase64Encoded: raw.length > 0 && !textual,
      };
      let result: unknown;
      try {
        result = await runtime.invoke(match.function, event);
      } catch (error) {
        logger.error({ err: error, routeKey: match.routeKey }, 'HTTP integration failed');
        return sendJson(res, 500, { message: 'Internal Server Error' }, cors);
      }
      writeResult(res, result, cors);
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'HTTP API request failed');
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal Server Error' });
    });
  });
}
