import { WebSocket } from 'ws';

/** A client connection with a queue of received messages. */
export interface TestSocket {
  readonly socket: WebSocket;
  next(ms?: number): Promise<string>;
  closed: Promise<{ code: number; reason: string }>;
}

/** Connects; resolves with the socket once open, or rejects with the HTTP status of a refused upgrade. */
export function connect(url: string, options: { maxPayload?: number } = {}): Promise<TestSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { maxPayload: options.maxPayload ?? 10 * 1024 * 1024 });
    const inbox: string[] = [];
    const waiters: ((message: string) => void)[] = [];
    socket.on('message', (data) => {
      const text = data.toString();
      const waiter = waiters.shift();
      if (waiter) waiter(text);
      else inbox.push(text);
    });
    const closed = new Promise<{ code: number; reason: string }>((done) => socket.on('close', (code, reason) => done({ code, reason: reason.toString() })));
    socket.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode, body })));
    });
    socket.on('error', (error) => reject(error));
    socket.on('open', () =>
      resolve({
        socket,
        closed,
        next: (ms = 3000) =>
          inbox.length
            ? Promise.resolve(inbox.shift() as string)
            : new Promise((res, rej) => {
                const timer = setTimeout(() => rej(new Error('no message in time')), ms);
                waiters.push((m) => {
                  clearTimeout(timer);
                  res(m);
                });
              }),
      }),
    );
  });
}

export async function refusal(url: string): Promise<{ status: number; body: string }> {
  try {
    const opened = await connect(url);
    opened.socket.close();
    throw new Error('connection was accepted');
  } catch (error) {
    const e = error as { status?: number; body?: string };
    if (e.status === undefined) throw error;
    return { status: e.status, body: e.body ?? '' };
  }
}
