import { createServer, type Server } from 'node:http';
import { isUtf8 } from 'node:buffer';
import type { Logger } from 'pino';
import { BodyTooLargeError, readBody, sendJson, sendRestJsonError } from '../http/http-io.js';
import type { ConnectionStore } from './connection-store.js';

export interface ConnectionsApiOptions {
  readonly connections: ConnectionStore;
  readonly maxMessageBytes: number;
  readonly maxFrameBytes: number;
  readonly logger: Logger;
}

const PATH = /^(?:\/[^/@]+)?\/@connections\/([^/?]+)\/?(?:\?.*)?$/;

/**
 * The `@connections` management API (restJson1): POST sends data to the client (split into frames of at most
 * 32 KB, as API Gateway does), GET describes the connection, DELETE closes it; unknown or closed ids are 410 Gone.
 * The path may carry the stage (`/local/@connections/{id}`) as the SDK sends it when the endpoint includes one.
 */
export function createConnectionsApi(options: ConnectionsApiOptions): Server {
  const { connections, logger } = options;
  return createServer((req, res) => {
    const match = PATH.exec(req.url ?? '');
    if (!match) {
      req.resume();
      return sendRestJsonError(res, 403, 'ForbiddenException', 'Missing Authentication Token');
    }
    if (!req.headers.authorization) {
      req.resume();
      return sendRestJsonError(res, 403, 'ForbiddenException', 'Missing Authentication Token');
    }
    let id: string;
    try {
      id = decodeURIComponent(match[1] ?? '');
    } catch {
      req.resume();
      return sendRestJsonError(res, 400, 'BadRequestException', 'Invalid connection id');
    }
    const connection = connections.get(id);
    const gone = () => sendRestJsonError(res, 410, 'GoneException', `Connection ${id} is gone`);

    if (req.method === 'POST') {
      readBody(req, options.maxMessageBytes).then(
        (data) => {
          const current = connections.get(id);
          if (!current || current.socket.readyState !== current.socket.OPEN) return gone();
          send(current.socket, data, options.maxFrameBytes);
          res.writeHead(200, { 'content-length': '0' }).end();
        },
        (error: unknown) => {
          if (error instanceof BodyTooLargeError) return sendRestJsonError(res, 413, 'PayloadTooLargeException', `Message is larger than ${options.maxMessageBytes} bytes`);
          logger.warn({ err: error, connectionId: id }, 'post to connection failed');
          sendRestJsonError(res, 500, 'InternalServerErrorException', 'Internal server error');
        },
      );
      return;
    }
    req.resume();
    if (!connection || connection.socket.readyState !== connection.socket.OPEN) return gone();
    if (req.method === 'GET') {
      return sendJson(res, 200, {
        connectedAt: new Date(connection.connectedAt).toISOString(),
        identity: { sourceIp: connection.sourceIp, userAgent: connection.userAgent },
        lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
      });
    }
    if (req.method === 'DELETE') {
      connection.socket.close(1000, 'Deleted');
      res.writeHead(204).end();
      return;
    }
    sendRestJsonError(res, 403, 'ForbiddenException', 'Missing Authentication Token');
  });
}

function send(socket: import('ws').WebSocket, data: Buffer, maxFrame: number): void {
  const binary = !isUtf8(data);
  if (data.length <= maxFrame) return socket.send(data, { binary });
  for (let offset = 0; offset < data.length; offset += maxFrame) {
    socket.send(data.subarray(offset, offset + maxFrame), { binary, fin: offset + maxFrame >= data.length });
  }
}
