import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export interface ApiIdentity {
  readonly apiId: string;
  readonly stage: string;
  readonly domainName: string;
  readonly region: string;
  readonly account: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** API Gateway's `requestTime` format: `09/Apr/2020:18:03:43 +0000`. */
export function requestTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

const shortId = () => randomBytes(6).toString('base64url');

/** Headers with their original case; repeated headers joined by `,` (single) and listed (multi). */
export function headersOf(req: IncomingMessage): { headers: Record<string, string>; multiValueHeaders: Record<string, string[]> } {
  const multiValueHeaders: Record<string, string[]> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] as string;
    (multiValueHeaders[name] ??= []).push(req.rawHeaders[i + 1] as string);
  }
  const headers = Object.fromEntries(Object.entries(multiValueHeaders).map(([k, v]) => [k, v.join(',')]));
  return { headers, multiValueHeaders };
}

export function queryOf(url: URL): {
  queryStringParameters: Record<string, string> | undefined;
  multiValueQueryStringParameters: Record<string, string[]> | undefined;
} {
  const multi: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) (multi[k] ??= []).push(v);
  if (Object.keys(multi).length === 0) return { queryStringParameters: undefined, multiValueQueryStringParameters: undefined };
  const single = Object.fromEntries(Object.entries(multi).map(([k, v]) => [k, v[v.length - 1] as string]));
  return { queryStringParameters: single, multiValueQueryStringParameters: multi };
}

export interface ConnectionFacts {
  readonly connectionId: string;
  readonly connectedAt: number;
  readonly sourceIp: string;
  readonly userAgent: string;
}

/** The `requestContext` every WebSocket event carries. */
export function requestContext(
  api: ApiIdentity,
  conn: ConnectionFacts,
  routeKey: string,
  eventType: 'CONNECT' | 'MESSAGE' | 'DISCONNECT',
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Date.now();
  return {
    routeKey,
    eventType,
    extendedRequestId: shortId(),
    requestTime: requestTime(now),
    messageDirection: 'IN',
    stage: api.stage,
    connectedAt: conn.connectedAt,
    requestTimeEpoch: now,
    identity: { sourceIp: conn.sourceIp, userAgent: conn.userAgent },
    requestId: shortId(),
    domainName: api.domainName,
    connectionId: conn.connectionId,
    apiId: api.apiId,
    ...extra,
  };
}

/** The REQUEST authorizer event of `$connect`. */
export function authorizerEvent(api: ApiIdentity, conn: ConnectionFacts, req: IncomingMessage, url: URL): Record<string, unknown> {
  return {
    type: 'REQUEST',
    methodArn: `arn:aws:execute-api:${api.region}:${api.account}:${api.apiId}/${api.stage}/$connect`,
    ...headersOf(req),
    ...queryOf(url),
    stageVariables: {},
    requestContext: requestContext(api, conn, '$connect', 'CONNECT'),
  };
}

export function connectEvent(api: ApiIdentity, conn: ConnectionFacts, req: IncomingMessage, url: URL, authorizer: unknown): Record<string, unknown> {
  return {
    ...headersOf(req),
    ...queryOf(url),
    requestContext: requestContext(api, conn, '$connect', 'CONNECT', authorizer ? { authorizer } : {}),
    isBase64Encoded: false,
  };
}

export function messageEvent(api: ApiIdentity, conn: ConnectionFacts, routeKey: string, body: string, isBase64Encoded: boolean, authorizer: unknown): Record<string, unknown> {
  return {
    requestContext: requestContext(api, conn, routeKey, 'MESSAGE', { messageId: shortId(), ...(authorizer ? { authorizer } : {}) }),
    body,
    isBase64Encoded,
  };
}

export function disconnectEvent(api: ApiIdentity, conn: ConnectionFacts, code: number, reason: string, authorizer: unknown): Record<string, unknown> {
  return {
    headers: { Host: api.domainName },
    multiValueHeaders: { Host: [api.domainName] },
    requestContext: requestContext(api, conn, '$disconnect', 'DISCONNECT', {
      disconnectStatusCode: code,
      disconnectReason: reason,
      ...(authorizer ? { authorizer } : {}),
    }),
    isBase64Encoded: false,
  };
}

export const newRequestId = () => randomUUID();
