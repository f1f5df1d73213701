import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { LambdaRuntime } from '../runtime/lambda-runtime.js';
import { evaluateAuthorizerResult } from './authorizer-result.js';
import { ConnectionStore, newConnectionId, type Connection } from './connection-store.js';
import { createFrameGuard } from './frame-guard.js';
import { authorizerEvent, connectEvent, disconnectEvent, messageEvent, newRequestId, type ApiIdentity } from './websocket-events.js';

export interface WebSocketLimits {
  readonly maxFrameBytes: number;
  readonly maxMessageBytes: number;
  readonly idleTimeoutMs: number;
  readonly maxConnectionMs: number;
}

/** API Gateway's fixed WebSocket limits. */
export const AWS_WEBSOCKET_LIMITS: WebSocketLimits = {
  maxFrameBytes: 32 * 1024,
  maxMessageBytes: 128 * 1024,
  idleTimeoutMs: 10 * 60_000,
  maxConnectionMs: 2 * 3_600_000,
};

export interface WebSocketApiOptions {
  readonly api: ApiIdentity;
  readonly runtime: LambdaRuntime;
  /** Route key → function name (`$connect`, `$disconnect`, `$default`, custom actions). */
  readonly routes: ReadonlyMap<string, string>;
  /** Function name of the `$connect` REQUEST authorizer, if any. */
  readonly authorizer: string | undefined;
  /** Query-string parameter that is the authorizer's identity source. */
  readonly tokenQuery: string;
  readonly connections: ConnectionStore;
  readonly limits: WebSocketLimits;
  readonly logger: Logger;
}

const REASONS: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 500: 'Internal Server Error' };

function refuse(socket: Duplex, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  socket.end(
    `HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\nConnection: close\r\n\r\n${text}`,
  );
}

/** Route selection on `$request.body.action`: unmatched or non-JSON messages go to `$default`. */
export function selectRoute(body: string, routes: ReadonlyMap<string, string>): string {
  try {
    const parsed: unknown = JSON.parse(body);
    const action = parsed !== null && typeof parsed === 'object' ? (parsed as { action?: unknown }).action : undefined;
    if (typeof action === 'string' && !action.startsWith('$') && routes.has(action)) return action;
  } catch {
    // not JSON: $default
  }
  return '$default';
}

/** The API Gateway WebSocket API: $connect with a REQUEST authorizer, route selection, AWS limits. */
export function createWebSocketApi(options: WebSocketApiOptions): { server: Server; closeAll: () => void } {
  const { api, runtime, routes, connections, limits, logger } = options;
  const server = createServer((_req, res) => {
    res.writeHead(426, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Upgrade Required' }));
  });
  let shuttingDown = false;
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false });

  async function authorize(req: IncomingMessage, url: URL, facts: Parameters<typeof authorizerEvent>[1]) {
    if (!options.authorizer) return { status: 200 as const, authorizer: undefined };
    const token = url.searchParams.get(options.tokenQuery);
    if (!token) return { status: 401 as const, body: { message: 'Unauthorized' } };
    const event = authorizerEvent(api, facts, req, url);
    let result: unknown;
    try {
      result = await runtime.invoke(options.authorizer, event);
    } catch (error) {
      if (error instanceof Error && error.message === 'Unauthorized') return { status: 401 as const, body: { message: 'Unauthorized' } };
      logger.error({ err: error, connectionId: facts.connectionId }, 'authorizer failed');
      return { status: 500 as const, body: { message: 'Internal server error' } };
    }
    const decision = evaluateAuthorizerResult(result, String(event['methodArn']));
    if (decision.kind === 'deny') return { status: 403 as const, body: { Message: 'User is not authorized to access this resource with an explicit deny' } };
    if (decision.kind === 'invalid') {
      logger.error({ connectionId: facts.connectionId, reason: decision.reason }, 'authorizer response invalid');
      return { status: 500 as const, body: { message: 'Internal server error' } };
    }
    return { status: 200 as const, authorizer: decision.authorizer };
  }

  async function runConnectRoute(req: IncomingMessage, url: URL, facts: Parameters<typeof connectEvent>[1], authorizer: unknown) {
    const fn = routes.get('$connect');
    if (!fn) return 200;
    try {
      const result = (await runtime.invoke(fn, connectEvent(api, facts, req, url, authorizer))) as { statusCode?: unknown } | undefined;
      const status = typeof result?.statusCode === 'number' ? result.statusCode : 200;
      return status >= 200 && status < 300 ? 200 : status;
    } catch (error) {
      logger.error({ err: error, connectionId: facts.connectionId }, '$connect integration failed');
      return 500;
    }
  }

  function dispatch(connection: Connection, data: RawData, isBinary: boolean): void {
    const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer);
    const body = isBinary ? buffer.toString('base64') : buffer.toString('utf8');
    const routeKey = isBinary ? '$default' : selectRoute(body, routes);
    const fn = routes.get(routeKey);
    const facts = { connectionId: connection.id, connectedAt: connection.connectedAt, sourceIp: connection.sourceIp, userAgent: connection.userAgent };
    const replyError = (message: string) => {
      if (connection.socket.readyState === connection.socket.OPEN) {
        connection.socket.send(JSON.stringify({ message, connectionId: connection.id, requestId: newRequestId() }));
      }
    };
    if (!fn) return replyError('Forbidden');
    runtime.invoke(fn, messageEvent(api, facts, routeKey, body, isBinary, connection.authorizer)).catch((error: unknown) => {
      logger.error({ err: error, connectionId: connection.id, routeKey }, 'route integration failed');
      replyError('Internal server error');
    });
  }

  function attach(socket: WebSocket, req: IncomingMessage, raw: Duplex, facts: Connection): void {
    const connection = facts;
    connections.add(connection);
    let oversize = false;
    raw.prependListener(
      'data',
      createFrameGuard(limits.maxFrameBytes, () => {
        oversize = true;
        socket.close(1009, 'Frame too big');
      }),
    );
    const idle = setTimeout(() => socket.close(1001, 'Going away'), limits.idleTimeoutMs);
    const lifetime = setTimeout(() => socket.close(1001, 'Going away'), limits.maxConnectionMs);
    const touch = () => {
      connection.lastActiveAt = Date.now();
      idle.refresh();
    };
    socket.on('message', (data, isBinary) => {
      if (oversize) return;
      touch();
      dispatch(connection, data, isBinary);
    });
    socket.on('ping', touch);
    socket.on('pong', touch);
    socket.on('error', (error) => logger.debug({ err: error, connectionId: connection.id }, 'socket error'));
    socket.on('close', (code, reason) => {
      clearTimeout(idle);
      clearTimeout(lifetime);
      connections.remove(connection.id);
      const fn = routes.get('$disconnect');
      if (!fn || shuttingDown) return;
      const event = disconnectEvent(api, { connectionId: connection.id, connectedAt: connection.connectedAt, sourceIp: connection.sourceIp, userAgent: connection.userAgent }, code, reason.toString(), connection.authorizer);
      runtime.invoke(fn, event).catch((error: unknown) => logger.warn({ err: error, connectionId: connection.id }, '$disconnect integration failed (best effort)'));
    });
    void req;
  }

  server.on('upgrade', (req: IncomingMessage, raw: Duplex, head: Buffer) => {
    raw.on('error', () => raw.destroy());
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const facts = {
        connectionId: newConnectionId(),
        connectedAt: Date.now(),
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: String(req.headers['user-agent'] ?? ''),
      };
      const auth = await authorize(req, url, facts);
      if (auth.status !== 200) return refuse(raw, auth.status, auth.body);
      const status = await runConnectRoute(req, url, facts, auth.authorizer);
      if (status !== 200) return refuse(raw, status, { message: status === 500 ? 'Internal server error' : 'Forbidden' });
      if (raw.destroyed) return;
      wss.handleUpgrade(req, raw, head, (socket) => {
        attach(socket, req, raw, { id: facts.connectionId, socket, connectedAt: facts.connectedAt, lastActiveAt: facts.connectedAt, sourceIp: facts.sourceIp, userAgent: facts.userAgent, authorizer: auth.authorizer });
      });
    })().catch((error: unknown) => {
      logger.error({ err: error }, 'upgrade failed');
      refuse(raw, 500, { message: 'Internal server error' });
    });
  });

  return {
    server,
    closeAll() {
      shuttingDown = true;
      for (const connection of connections.all()) connection.socket.terminate();
      wss.close();
    },
  };
}
