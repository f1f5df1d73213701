import WebSocket from 'ws';

/** A server message as the test reads it (leniently: any JSON object with a `type`). */
export type Received = Record<string, unknown> & { type: string };

/** The upgrade was refused before a socket existed (API Gateway's 401/403). */
export class UpgradeRefused extends Error {
  constructor(readonly status: number) {
    super(`upgrade refused with ${status}`);
  }
}

/** A real WebSocket client that queues what it receives, so tests can wait for a matching message. */
export class FlowSocket {
  readonly received: Received[] = [];
  private readonly waiters: { match: (m: Received) => boolean; resolve: (m: Received) => void }[] = [];
  private taken = new Set<Received>();
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(data.toString()) as Received;
      this.received.push(message);
      const waiter = this.waiters.find((w) => w.match(message));
      if (waiter) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        this.taken.add(message);
        waiter.resolve(message);
      }
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  /** Opens `ws://…?token=` (no token when undefined); rejects with {@link UpgradeRefused} on 401/403. */
  static open(url: string, token: string | undefined): Promise<FlowSocket> {
    const target = token === undefined ? url : `${url}?token=${encodeURIComponent(token)}`;
    const socket = new WebSocket(target);
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new FlowSocket(socket)));
      socket.once('unexpected-response', (_req, res) => {
        res.resume();
        reject(new UpgradeRefused(res.statusCode ?? 0));
      });
      socket.once('error', reject);
    });
  }

  /** Sends a value as JSON, or a string / buffer exactly as given. */
  send(value: unknown): void {
    this.socket.send(typeof value === 'string' || Buffer.isBuffer(value) ? value : JSON.stringify(value));
  }

  /** The first not yet consumed message matching `match` (already received or still to come). */
  next(match: (m: Received) => boolean, timeoutMs = 10_000): Promise<Received> {
    const early = this.received.find((m) => !this.taken.has(m) && match(m));
    if (early) {
      this.taken.add(early);
      return Promise.resolve(early);
    }
    return new Promise((resolve, reject) => {
      const waiter = { match, resolve: (m: Received) => (clearTimeout(timer), resolve(m)) };
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`no matching message within ${timeoutMs} ms; received: ${JSON.stringify(this.received).slice(0, 2000)}`));
      }, timeoutMs);
      this.waiters.push(waiter);
    });
  }

  /** Waits `ms` and returns every message received meanwhile (to prove that nothing else came). */
  async collectFor(ms: number): Promise<Received[]> {
    const start = this.received.length;
    await new Promise((resolve) => setTimeout(resolve, ms));
    return this.received.slice(start);
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close(1000);
    return this.closed;
  }

  /** Drops the TCP connection without a close handshake (a network failure). */
  terminate(): void {
    this.socket.terminate();
  }
}

export const ofType = (type: string, fields: Record<string, unknown> = {}) => (m: Received) =>
  m.type === type && Object.entries(fields).every(([k, v]) => m[k] === v);
