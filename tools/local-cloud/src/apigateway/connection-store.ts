import { randomBytes } from 'node:crypto';
import type { WebSocket } from 'ws';

export interface Connection {
  readonly id: string;
  readonly socket: WebSocket;
  readonly connectedAt: number;
  lastActiveAt: number;
  readonly sourceIp: string;
  readonly userAgent: string;
  readonly authorizer: Record<string, unknown> | undefined;
}

/** API Gateway–looking connection ids: 15 base64 characters and a trailing `=`, without `+` or `/`. */
export function newConnectionId(): string {
  return randomBytes(11).toString('base64').replace(/\+/g, 'A').replace(/\//g, 'B');
}

/** Open connections of the WebSocket API, shared with the @connections API. */
export class ConnectionStore {
  private readonly open = new Map<string, Connection>();

  add(connection: Connection): void {
    this.open.set(connection.id, connection);
  }
  get(id: string): Connection | undefined {
    return this.open.get(id);
  }
  remove(id: string): void {
    this.open.delete(id);
  }
  get size(): number {
    return this.open.size;
  }
  all(): IterableIterator<Connection> {
    return this.open.values();
  }
}
