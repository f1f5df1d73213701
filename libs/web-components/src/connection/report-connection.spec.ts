import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket as NodeWebSocket, WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import { ReportConnection, type ConnectionTimings } from './report-connection.js';
import type { FinalStatus, ServerMessage } from './server-messages.js';

/** A real WebSocket server on 127.0.0.1 that records what the client sends. */
class FakeApi {
  readonly server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  readonly received: Record<string, unknown>[] = [];
  readonly urls: string[] = [];
  sockets: ServerSocket[] = [];

  constructor() {
    this.server.on('connection', (socket, request) => {
      this.urls.push(request.url ?? '');
      this.sockets.push(socket);
      socket.on('message', (data) => this.received.push(JSON.parse(String(data)) as Record<string, unknown>));
    });
  }

  get url(): string {
    return `ws://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
  }

  send(message: Record<string, unknown>): void {
    this.sockets.at(-1)?.send(JSON.stringify(message));
  }

  async nextMessage(action: string): Promise<Record<string, unknown>> {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const found = this.received.find((message) => message['action'] === action);
      if (found) {
        this.received.splice(this.received.indexOf(found), 1);
        return found;
      }
      if (Date.now() > deadline) throw new Error(`no ${action} message arrived`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    for (const socket of this.server.clients) socket.terminate();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

const waitFor = async (check: () => boolean, what: string) => {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

describe('the multiplexed report connection', () => {
  let api: FakeApi;
  let connection: ReportConnection;
  const received: ServerMessage[] = [];

  const connect = (timings: Partial<ConnectionTimings> = {}, outcome?: (id: string) => Promise<FinalStatus | undefined>) => {
    connection = new ReportConnection({
      url: api.url,
      idToken: async () => 'id-token-1',
      statementOutcome: outcome,
      timings: { backoffInitialMs: 20, backoffMaxMs: 50, ...timings },
      WebSocketImpl: NodeWebSocket as unknown as typeof WebSocket,
    });
    connection.listen('daily', (message) => received.push(message));
  };

  beforeEach(async () => {
    received.length = 0;
    api = new FakeApi();
    await once(api.server, 'listening');
  });

  afterEach(async () => {
    connection.close();
    await api.close();
  });

  it('submits on one socket with the ID token and routes replies by topic', async () => {
    connect();
    const other: ServerMessage[] = [];
    connection.listen('monthly', (message) => other.push(message));
    const requestId = await connection.submit('daily', 'trips-per-day', { month: '2015-12' });
    const submit = await api.nextMessage('submit');
    expect(submit).toEqual({ action: 'submit', requestId, topic: 'daily', report: 'trips-per-day', params: { month: '2015-12' } });
    expect(api.urls).toEqual(['/?token=id-token-1']);
    api.send({ type: 'accepted', requestId, topic: 'daily', statementId: 's-1', submittedAt: '2026-01-01T00:00:00Z' });
    api.send({ type: 'completed', requestId, topic: 'daily', statementId: 's-1', rowCount: 31 });
    await waitFor(() => received.length === 2, 'two messages');
    expect(received.map((m) => m.type)).toEqual(['accepted', 'completed']);
    expect(other).toEqual([]);
    expect(connection.pendingStatements).toEqual([]);
  });

  it('pings while idle, well inside the idle cut', async () => {
    connect({ pingMs: 50 });
    await connection.open();
    await api.nextMessage('ping');
    await api.nextMessage('ping');
  });

  it('reconnects after a drop and resumes the statements still running', async () => {
    connect();
    const states: string[] = [];
    connection.addEventListener('statechange', () => states.push(connection.state));
    const requestId = await connection.submit('daily', 'trips-per-day', { month: '2015-12' });
    api.send({ type: 'accepted', requestId, topic: 'daily', statementId: 's-2', submittedAt: '2026-01-01T00:00:00.000Z' });
    await waitFor(() => connection.pendingStatements.length === 1, 'accepted');
    api.sockets[0]?.terminate();
    expect(await api.nextMessage('resume')).toEqual({ action: 'resume', statementIds: ['s-2'] });
    expect(api.sockets).toHaveLength(2);
    expect(states).toEqual(['connecting', 'open', 'reconnecting', 'open']);
    api.send({ type: 'completed', topic: 'daily', requestId, statementId: 's-2', rowCount: 31 });
    await waitFor(() => received.some((m) => m.type === 'completed'), 'the resumed outcome');
  });

  it('renews the socket before the 2-hour limit and resumes on the new one', async () => {
    connect({ maxAgeMs: 150 });
    const requestId = await connection.submit('daily', 'trips-per-day', {});
    api.send({ type: 'accepted', requestId, topic: 'daily', statementId: 's-3', submittedAt: '2026-01-01T00:00:00.000Z' });
    expect(await api.nextMessage('resume')).toEqual({ action: 'resume', statementIds: ['s-3'] });
    expect(api.sockets.length).toBeGreaterThanOrEqual(2);
  });

  it('asks over HTTP about a quiet statement and delivers its outcome once', async () => {
    const asked: string[] = [];
    connect({ quietMs: 60 }, async (id) => {
      asked.push(id);
      return { state: 'finished', rowCount: 7 };
    });
    const requestId = await connection.submit('daily', 'trips-per-day', {});
    api.send({ type: 'accepted', requestId, topic: 'daily', statementId: 's-4', submittedAt: '2026-01-01T00:00:00.000Z' });
    await waitFor(() => received.some((m) => m.type === 'completed'), 'the fallback outcome');
    api.send({ type: 'completed', topic: 'daily', requestId, statementId: 's-4', rowCount: 7 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(asked).toEqual(['s-4']);
    expect(received.filter((m) => m.type === 'completed')).toEqual([{ type: 'completed', statementId: 's-4', topic: 'daily', requestId, rowCount: 7 }]);
  });

  it('stays closed after Close connection, and opens again on the next submit', async () => {
    connect();
    await connection.open();
    connection.close();
    expect(connection.state).toBe('closed');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(api.sockets).toHaveLength(1);
    await connection.submit('daily', 'trips-per-day', {});
    await api.nextMessage('submit');
    expect(api.sockets).toHaveLength(2);
  });
});
