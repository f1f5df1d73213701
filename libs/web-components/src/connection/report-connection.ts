import { backoffDelay } from './backoff.js';
import { outcomeFromStatus, readServerMessage, type FinalStatus, type ServerMessage } from './server-messages.js';

/** Where the one multiplexed socket stands; shown to the user by `<redwire-session>`. */
export type ConnectionState = 'closed' | 'connecting' | 'open' | 'reconnecting';

/** Timings, all in milliseconds. API Gateway cuts idle sockets at 10 minutes and any socket at 2 hours. */
export interface ConnectionTimings {
  pingMs: number;
  maxAgeMs: number;
  /** A running statement quiet this long is asked about over HTTP (doubling each time). */
  quietMs: number;
  backoffInitialMs: number;
  backoffMaxMs: number;
}

export const DEFAULT_TIMINGS: ConnectionTimings = {
  pingMs: 4 * 60_000,
  maxAgeMs: 110 * 60_000,
  quietMs: 30_000,
  backoffInitialMs: 500,
  backoffMaxMs: 30_000,
};

export interface ReportConnectionOptions {
  /** `ws://` or `wss://` URL of the WebSocket API; the ID token is added as `?token=`. */
  url: string;
  /** A fresh (refreshed when needed) Cognito ID token. */
  idToken: () => Promise<string>;
  /** The HTTP fallback: a statement's final status, or `undefined` while it still runs. */
  statementOutcome?: (statementId: string) => Promise<FinalStatus | undefined>;
  timings?: Partial<ConnectionTimings>;
  /** The WebSocket class (the browser's by default; `ws` in Node tests). */
  WebSocketImpl?: typeof WebSocket;
}

type Listener = (message: ServerMessage) => void;
interface PendingStatement {
  topic: string;
  requestId: string;
  lastHeardAt: number;
  quietChecks: number;
}

const RESUME_BATCH = 50;
let requestCounter = 0;

/** A request id unique on this page: time, counter and randomness, within the protocol's `[A-Za-z0-9_-]{1,64}`. */
export function newRequestId(): string {
  requestCounter += 1;
  return `r${Date.now().toString(36)}-${requestCounter.toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * One WebSocket shared by every report on a page. Reports listen by topic;
 * the connection keeps itself alive (ping), renews itself before the 2-hour
 * limit, reconnects with backoff, resumes pending statements, and asks over
 * HTTP about statements that have been quiet too long.
 *
 * Dispatches `statechange` (a plain `Event`) when {@link state} changes.
 */
export class ReportConnection extends EventTarget {
  state: ConnectionState = 'closed';
  readonly #options: ReportConnectionOptions;
  readonly #timings: ConnectionTimings;
  #socket: WebSocket | undefined;
  #wanted = false;
  #attempt = 0;
  #timers: ReturnType<typeof setTimeout>[] = [];
  #waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #requests = new Map<string, string>();
  readonly #pending = new Map<string, PendingStatement>();
  readonly #finished = new Set<string>();

  constructor(options: ReportConnectionOptions) {
    super();
    this.#options = options;
    this.#timings = { ...DEFAULT_TIMINGS, ...options.timings };
  }

  /** Statement ids still waiting for their outcome. */
  get pendingStatements(): string[] {
    return [...this.#pending.keys()];
  }

  /** Opens the socket (if needed) and resolves once it is open; rejects if {@link close} is called first. */
  open(): Promise<void> {
    if (this.state === 'open') return Promise.resolve();
    const opened = new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
    if (!this.#wanted) {
      this.#wanted = true;
      this.#attempt = 0;
      void this.#connect('connecting');
    }
    return opened;
  }

  /** Closes the socket on purpose: no reconnect. Pending statements are resumed by the next {@link open}. */
  close(): void {
    this.#wanted = false;
    this.#clearTimers();
    const socket = this.#socket;
    this.#socket = undefined;
    if (socket !== undefined && socket.readyState <= 1) socket.close(1000, 'closed by user');
    for (const waiter of this.#waiters.splice(0)) waiter.reject(new Error('The connection was closed.'));
    this.#setState('closed');
  }

  /** Receive every message for `topic`; returns the function that stops it. */
  listen(topic: string, listener: Listener): () => void {
    let set = this.#listeners.get(topic);
    if (set === undefined) this.#listeners.set(topic, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Submits a report run (opening the connection if needed) and returns its request id. */
  async submit(topic: string, report: string, params: Record<string, unknown>): Promise<string> {
    await this.open();
    const requestId = newRequestId();
    this.#requests.set(requestId, topic);
    this.#send({ action: 'submit', requestId, topic, report, params });
    return requestId;
  }

  /** Asks the server to cancel a running statement; its `aborted` outcome follows. */
  async cancel(statementId: string): Promise<void> {
    await this.open();
    this.#send({ action: 'cancel', statementId });
  }

  async #connect(state: 'connecting' | 'reconnecting'): Promise<void> {
    this.#clearTimers();
    this.#setState(state);
    let token: string;
    try {
      token = await this.#options.idToken();
    } catch {
      this.#scheduleReconnect();
      return;
    }
    if (!this.#wanted) return;
    const Impl = this.#options.WebSocketImpl ?? WebSocket;
    const url = new URL(this.#options.url);
    url.searchParams.set('token', token);
    const socket = new Impl(url.toString());
    this.#socket = socket;
    socket.addEventListener('open', () => this.#onOpen(socket));
    socket.addEventListener('message', (event: MessageEvent) => {
      if (typeof event.data === 'string') this.#onFrame(event.data);
    });
    socket.addEventListener('close', () => this.#onClose(socket));
  }

  #onOpen(socket: WebSocket): void {
    if (socket !== this.#socket) return;
    this.#attempt = 0;
    this.#setState('open');
    this.#every(this.#timings.pingMs, () => {
      if (this.#socket?.readyState === 1) this.#send({ action: 'ping' });
    });
    this.#every(Math.max(50, Math.floor(this.#timings.quietMs / 3)), () => void this.#checkQuiet());
    // Renew before API Gateway's 2-hour limit; resume carries the pending statements over.
    this.#timers.push(setTimeout(() => this.#renew(), this.#timings.maxAgeMs));
    const pending = this.pendingStatements;
    for (let i = 0; i < pending.length; i += RESUME_BATCH) {
      this.#send({ action: 'resume', statementIds: pending.slice(i, i + RESUME_BATCH) });
    }
    for (const waiter of this.#waiters.splice(0)) waiter.resolve();
  }

  #onClose(socket: WebSocket): void {
    if (socket !== this.#socket) return;
    this.#socket = undefined;
    if (this.#wanted) this.#scheduleReconnect();
    else this.#setState('closed');
  }

  #renew(): void {
    const old = this.#socket;
    this.#socket = undefined;
    old?.close(1000, 'renewing');
    void this.#connect('reconnecting');
  }

  #scheduleReconnect(): void {
    this.#clearTimers();
    this.#setState('reconnecting');
    const delay = backoffDelay(this.#attempt, { initialMs: this.#timings.backoffInitialMs, maxMs: this.#timings.backoffMaxMs });
    this.#attempt += 1;
    this.#timers.push(setTimeout(() => void this.#connect('reconnecting'), delay));
  }

  #onFrame(frame: string): void {
    const message = readServerMessage(frame);
    if (message !== undefined) this.#deliver(message);
  }

  #deliver(message: ServerMessage): void {
    if (message.type === 'pong') return;
    const statementId = 'statementId' in message ? message.statementId : undefined;
    if (message.type === 'accepted') {
      if (this.#finished.has(message.statementId)) return;
      this.#pending.set(message.statementId, { topic: message.topic, requestId: message.requestId, lastHeardAt: Date.now(), quietChecks: 0 });
    }
    const pending = statementId === undefined ? undefined : this.#pending.get(statementId);
    const isOutcome = message.type === 'completed' || message.type === 'failed' || message.type === 'aborted';
    if (isOutcome && statementId !== undefined) {
      // Outcomes arrive at least once (push, resume, HTTP fallback): deliver each statement's first only.
      if (this.#finished.has(statementId)) return;
      this.#finished.add(statementId);
      this.#pending.delete(statementId);
    }
    const requestId = 'requestId' in message ? message.requestId : undefined;
    const topic =
      ('topic' in message ? message.topic : undefined) ??
      pending?.topic ??
      (requestId === undefined ? undefined : this.#requests.get(requestId));
    if (message.type === 'error' && statementId !== undefined && this.#pending.has(statementId)) {
      // e.g. resume of a statement the server no longer knows: it will never finish here.
      this.#pending.delete(statementId);
    }
    if (topic === undefined) return;
    for (const listener of this.#listeners.get(topic) ?? []) listener(message);
  }

  async #checkQuiet(): Promise<void> {
    const ask = this.#options.statementOutcome;
    if (ask === undefined) return;
    const now = Date.now();
    for (const [statementId, pending] of this.#pending) {
      if (now - pending.lastHeardAt < this.#timings.quietMs * 2 ** pending.quietChecks) continue;
      pending.quietChecks += 1;
      pending.lastHeardAt = now;
      try {
        const status = await ask(statementId);
        if (status !== undefined) this.#deliver(outcomeFromStatus(status, { statementId, topic: pending.topic, requestId: pending.requestId }));
      } catch {
        // The next quiet check asks again, later.
      }
    }
  }

  #send(message: Record<string, unknown>): void {
    const socket = this.#socket;
    if (socket === undefined || socket.readyState !== 1) throw new Error('The connection is not open.');
    socket.send(JSON.stringify(message));
  }

  #every(ms: number, task: () => void): void {
    this.#timers.push(setInterval(task, ms));
  }

  #clearTimers(): void {
    for (const timer of this.#timers.splice(0)) {
      clearTimeout(timer);
      clearInterval(timer);
    }
  }

  #setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new Event('statechange'));
  }
}
