import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { resultPageSchema, serverMessageSchema, statementStatusSchema, type ReportSummary } from '@redwire/protocol';
import { WebSocketServer, type WebSocket } from 'ws';

export const BUNDLE_DIR = resolve(import.meta.dirname, '../../../../../dist/libs/web-components');

type Cell = string | number | boolean | null;
export interface FakeResult {
  columns: { name: string; type: string }[];
  rows: Cell[][];
}
export type Message = Record<string, unknown>;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.json': 'application/json' };
const PAGE_SIZE = 50;

function emailOf(token: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as { email?: unknown };
    return typeof payload.email === 'string' ? payload.email : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The backend as the browser sees it, on 127.0.0.1: the built bundle and a
 * test page, the results API (Bearer token required) and a WebSocket API that
 * speaks Redwire's protocol. Each test scripts what happens on submit.
 */
export class FakeBackend {
  readonly server = createServer((request, response) => this.#http(request, response));
  readonly wss = new WebSocketServer({ noServer: true });
  readonly received: Message[] = [];
  readonly tokenEmails: (string | undefined)[] = [];
  readonly authorizations: string[] = [];
  /** Paths of the authorized HTTP API requests, in order. */
  readonly fetchedPaths: string[] = [];
  reports: ReportSummary[] = [];
  readonly results = new Map<string, FakeResult>();
  readonly states = new Map<string, string>();
  page = '<!doctype html><title>empty</title>';
  /** While true, new WebSocket connections are refused (an outage). */
  refuseUpgrades = false;
  /** When set, result pages after the first wait for it (a slow result). */
  laterPages: Promise<void> | undefined;
  config: Record<string, string> = {};
  /** What the server does with a submit; the default accepts and completes with `resultFor`. */
  onSubmit: (message: Message) => void = (message) => this.complete(this.accept(message));
  resultFor: (message: Message) => FakeResult = () => ({ columns: [], rows: [] });
  #statementCounter = 0;
  readonly #topics = new Map<string, Message>();
  readonly #submittedAt = new Map<string, string>();

  async start(): Promise<this> {
    if (!existsSync(join(BUNDLE_DIR, 'redwire-elements.js'))) throw new Error('Build first: npx nx build web-components');
    this.server.on('upgrade', (request, socket, head) => {
      const token = new URL(request.url ?? '/', 'http://x').searchParams.get('token');
      if (!token) {
        socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
        return;
      }
      if (this.refuseUpgrades) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\n\r\n');
        return;
      }
      this.tokenEmails.push(emailOf(token));
      this.wss.handleUpgrade(request, socket, head, (ws) => this.#socket(ws));
    });
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get wsUrl(): string {
    return this.url.replace('http:', 'ws:') + '/ws';
  }

  get openSockets(): WebSocket[] {
    return [...this.wss.clients].filter((socket) => socket.readyState === 1);
  }

  /** Sends to every open socket; the message must pass the protocol's strict schema, as a real server's would. */
  send(message: Message): void {
    serverMessageSchema.parse(message);
    for (const socket of this.openSockets) socket.send(JSON.stringify(message));
  }

  /** Replies `accepted` and returns the new statement id. */
  accept(message: Message): string {
    const statementId = `stmt-${++this.#statementCounter}`;
    this.#topics.set(statementId, message);
    this.states.set(statementId, 'running');
    this.#submittedAt.set(statementId, new Date().toISOString());
    this.results.set(statementId, this.resultFor(message));
    this.send({ type: 'accepted', requestId: message['requestId'], topic: message['topic'], statementId, submittedAt: new Date().toISOString() });
    return statementId;
  }

  complete(statementId: string): void {
    const submit = this.#topics.get(statementId) ?? {};
    this.states.set(statementId, 'finished');
    this.send({ type: 'completed', requestId: submit['requestId'], topic: submit['topic'], statementId, rowCount: this.results.get(statementId)?.rows.length ?? 0 });
  }

  outcomeFor(statementId: string, type: 'failed' | 'aborted', error?: { code: string; message: string }): void {
    const submit = this.#topics.get(statementId) ?? {};
    this.states.set(statementId, type);
    this.send({ type, requestId: submit['requestId'], topic: submit['topic'], statementId, ...(error ? { error } : {}) });
  }

  dropSockets(): void {
    for (const socket of this.wss.clients) socket.terminate();
  }

  async waitFor<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((done) => setTimeout(done, 20));
    }
  }

  messages(action: string): Message[] {
    return this.received.filter((message) => message['action'] === action);
  }

  async stop(): Promise<void> {
    this.dropSockets();
    this.server.closeAllConnections();
    await new Promise((done) => this.server.close(done));
  }

  #socket(socket: WebSocket): void {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as Message;
      this.received.push(message);
      if (message['action'] === 'ping') socket.send('{"type":"pong"}');
      if (message['action'] === 'submit') this.onSubmit(message);
      if (message['action'] === 'cancel') this.outcomeFor(String(message['statementId']), 'aborted');
      if (message['action'] === 'resume') {
        for (const id of message['statementIds'] as string[]) if (this.states.get(id) === 'finished') this.complete(id);
      }
    });
  }

  #http(request: IncomingMessage, response: ServerResponse): void {
    const url = new URL(request.url ?? '/', this.url);
    const send = (status: number, body: string, type = 'application/json') => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/') return send(200, this.page, 'text/html');
    if (url.pathname === '/config.json') return send(200, JSON.stringify(this.config));
    if (url.pathname === '/redwire-elements.js' || url.pathname.startsWith('/chunks/')) {
      const file = normalize(join(BUNDLE_DIR, url.pathname));
      if (!file.startsWith(BUNDLE_DIR) || !existsSync(file)) return send(404, '{}');
      return send(200, readFileSync(file, 'utf8'), TYPES[extname(file)] ?? 'application/octet-stream');
    }
    const authorization = request.headers.authorization ?? '';
    if (!authorization.startsWith('Bearer ')) return send(401, JSON.stringify({ error: { code: 'unauthorized', message: 'Sign in first.' } }));
    this.authorizations.push(authorization);
    this.fetchedPaths.push(url.pathname);
    if (url.pathname === '/reports') return send(200, JSON.stringify({ reports: this.reports }));
    const match = /^\/statements\/([^/]+)(\/result(\.csv)?)?$/.exec(url.pathname);
    const statementId = match?.[1] ?? '';
    const result = this.results.get(statementId);
    if (!match || result === undefined) return send(404, JSON.stringify({ error: { code: 'statement_not_found', message: 'No such statement.' } }));
    if (!match[2]) {
      const state = this.states.get(statementId) ?? 'running';
      const status = statementStatusSchema.parse({
        statementId,
        reportId: String(this.#topics.get(statementId)?.['report'] ?? 'trips-per-day'),
        state,
        submittedAt: this.#submittedAt.get(statementId),
        elapsedMs: 5,
        ...(state === 'finished' ? { rowCount: result.rows.length } : {}),
      });
      return send(200, JSON.stringify(status));
    }
    if (match[3]) {
      const lines = [result.columns.map((c) => c.name).join(','), ...result.rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell))).join(','))];
      return send(200, `${lines.join('\n')}\n`, 'text/csv');
    }
    const offset = Number(url.searchParams.get('cursor') ?? '0');
    const rows = result.rows.slice(offset, offset + PAGE_SIZE);
    const next = offset + PAGE_SIZE < result.rows.length ? String(offset + PAGE_SIZE) : undefined;
    const body = JSON.stringify(resultPageSchema.parse({ columns: result.columns, rows, ...(next ? { cursor: next } : {}) }));
    if (offset > 0 && this.laterPages) return void this.laterPages.then(() => send(200, body));
    return send(200, body);
  }
}

/** The catalog's trips-per-day report as `GET /reports` describes it. */
export const TRIPS_PER_DAY: ReportSummary = {
  id: 'trips-per-day',
  title: 'Trips per day',
  description: 'Trips and fares per pickup day of one month.',
  params: {
    type: 'object',
    properties: { month: { title: 'Month', type: 'string', format: 'month', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', formatMinimum: '2015-01', formatMaximum: '2015-12' } },
    required: ['month'],
    additionalProperties: false,
  },
  chart: { type: 'line', x: 'trip_date', y: ['trips', 'total_fare'] },
};

/** One row per day of the submitted month, as the warehouse would give them (numeric as exact strings). */
export function tripsPerDayResult(message: Message): FakeResult {
  const month = String((message['params'] as Record<string, unknown>)['month']);
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const rows: Cell[][] = Array.from({ length: days }, (_, index) => {
    const day = `${month}-${String(index + 1).padStart(2, '0')}`;
    return [day, 1000 + index * 37, ((1000 + index * 37) * 13.25).toFixed(2), index === 0 ? null : `day ${index + 1}`];
  });
  return {
    columns: [
      { name: 'trip_date', type: 'date' },
      { name: 'trips', type: 'int8' },
      { name: 'total_fare', type: 'numeric' },
      { name: 'note', type: 'varchar' },
    ],
    rows,
  };
}
