// A load-client process: holds WebSocket clients of the local cloud and runs loads the bench asks for over IPC.
// Separate processes keep each under the 20,000 open files per process of this machine.
import WebSocket from 'ws';
import type { LoadCommand, LoadReply, RunMode, RunSample } from './load-protocol.js';
import { wallClockMs } from './stats.js';

interface Run {
  readonly requestId: string;
  readonly mode: RunMode;
  readonly client: Client;
  readonly sentAt: number;
  statementId?: string;
  polls: number;
  done: boolean;
  finish(sample: Omit<RunSample, 'mode' | 'sentAt' | 'polls'>): void;
}

interface Client {
  readonly ws: WebSocket;
  readonly token: string;
  readonly runs: Map<string, Run>;
}

const clients: Client[] = [];
let sequence = 0;
const reply = (message: LoadReply) => process.send?.(message);

function connectOne(url: string, token: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${url}?token=${encodeURIComponent(token)}`);
    const client: Client = { ws, token, runs: new Map() };
    ws.once('open', () => resolve(client));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: HTTP ${res.statusCode}`)));
    ws.on('message', (data) => onMessage(client, data.toString()));
    ws.on('close', () => {
      for (const run of client.runs.values()) run.finish({ outcome: 'lost', detail: 'socket closed' });
    });
  });
}

function onMessage(client: Client, text: string): void {
  const at = wallClockMs();
  let message: { type?: string; requestId?: string; statementId?: string; code?: string; message?: string };
  try {
    message = JSON.parse(text) as typeof message;
  } catch {
    return;
  }
  const run = message.requestId ? client.runs.get(message.requestId) : undefined;
  if (!run) return;
  if (message.statementId) run.statementId ??= message.statementId;
  switch (message.type) {
    case 'accepted':
      if (run.mode === 'poll') schedulePoll(run);
      return;
    case 'completed':
      if (run.mode === 'push') run.finish({ outcome: 'completed', knownAt: at });
      else if (run.mode === 'fetch') void fetchFirstPage(run, at);
      return;
    case 'failed':
    case 'aborted':
      if (run.mode !== 'poll') run.finish({ outcome: message.type, knownAt: at, detail: text });
      return;
    case 'error':
      run.finish({ outcome: 'error', detail: `${message.code ?? ''}: ${message.message ?? ''}` });
      return;
  }
}

let rest = '';
let pollIntervalMs = 500;

function schedulePoll(run: Run): void {
  setTimeout(() => void poll(run), pollIntervalMs);
}

async function poll(run: Run): Promise<void> {
  if (run.done) return;
  run.polls += 1;
  try {
    const response = await fetch(`${rest}/statements/${run.statementId ?? ''}`, { headers: { authorization: `Bearer ${run.client.token}` } });
    const body = (await response.json()) as { state?: string };
    const at = wallClockMs();
    if (!response.ok) return run.finish({ outcome: 'error', detail: `GET /statements → ${response.status} ${JSON.stringify(body)}` });
    if (body.state === 'finished') return run.finish({ outcome: 'completed', knownAt: at });
    if (body.state === 'failed' || body.state === 'aborted') return run.finish({ outcome: body.state, knownAt: at });
    schedulePoll(run);
  } catch (error) {
    run.finish({ outcome: 'error', detail: String(error) });
  }
}

async function fetchFirstPage(run: Run, knownAt: number): Promise<void> {
  try {
    const response = await fetch(`${rest}/statements/${run.statementId ?? ''}/result`, { headers: { authorization: `Bearer ${run.client.token}` } });
    const body = (await response.json()) as { rows?: unknown[] };
    const at = wallClockMs();
    if (!response.ok || !Array.isArray(body.rows)) return run.finish({ outcome: 'error', knownAt, detail: `GET /result → ${response.status} ${JSON.stringify(body).slice(0, 200)}` });
    run.finish({ outcome: 'completed', knownAt, firstRowsAt: at });
  } catch (error) {
    run.finish({ outcome: 'error', knownAt, detail: String(error) });
  }
}

function submit(client: Client, mode: RunMode, report: string, onDone: (sample: RunSample) => void): void {
  sequence += 1;
  const requestId = `b${process.pid}-${sequence}`;
  const sentAt = wallClockMs();
  const run: Run = {
    requestId,
    mode,
    client,
    sentAt,
    polls: 0,
    done: false,
    finish(sample) {
      if (run.done) return;
      run.done = true;
      client.runs.delete(requestId);
      onDone({ ...sample, mode, sentAt, polls: run.polls, ...(run.statementId ? { statementId: run.statementId } : {}) });
    },
  };
  client.runs.set(requestId, run);
  client.ws.send(JSON.stringify({ action: 'submit', requestId, topic: `t${sequence}`, report, params: { seq: sequence } }));
}

/** Waits until every run has an outcome, or marks the rest lost at `until`. */
function drain(until: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      const pending = clients.reduce((n, c) => n + c.runs.size, 0);
      if (pending === 0 || wallClockMs() > until) {
        for (const client of clients) for (const run of [...client.runs.values()]) run.finish({ outcome: 'lost', detail: 'no outcome before the drain deadline' });
        resolve();
      } else setTimeout(check, 20);
    };
    check();
  });
}

async function openLoop(command: Extract<LoadCommand, { cmd: 'openLoop' }>): Promise<void> {
  rest = command.rest;
  pollIntervalMs = command.pollIntervalMs;
  const runs: RunSample[] = [];
  const interval = 1000 / command.ratePerS;
  const ticks = Math.floor(command.durationMs / interval);
  const start = wallClockMs();
  let lateTicks = 0;
  for (let tick = 0; tick < ticks; tick += 1) {
    const due = start + tick * interval;
    const wait = due - wallClockMs();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    else if (wait < -interval) lateTicks += 1;
    const client = clients[Math.floor(Math.random() * clients.length)] as Client;
    submit(client, command.modes[tick % command.modes.length] as RunMode, command.report, (sample) => runs.push(sample));
  }
  await drain(wallClockMs() + command.drainMs);
  reply({ type: 'openLoopDone', runs, lateTicks });
}

async function closedLoop(command: Extract<LoadCommand, { cmd: 'closedLoop' }>): Promise<void> {
  rest = command.rest;
  const runs: RunSample[] = [];
  const startedAt = wallClockMs();
  const endAt = startedAt + command.durationMs;
  const loop = (client: Client) =>
    new Promise<void>((resolve) => {
      const next = () => {
        if (wallClockMs() >= endAt) return resolve();
        submit(client, 'fetch', command.report, (sample) => {
          runs.push(sample);
          next();
        });
      };
      next();
    });
  await Promise.all(clients.slice(0, command.clients).map(loop));
  const endedAt = wallClockMs();
  await drain(endedAt + command.drainMs);
  reply({ type: 'closedLoopDone', runs, startedAt, endedAt });
}

async function connect(command: Extract<LoadCommand, { cmd: 'connect' }>): Promise<void> {
  let failed = 0;
  let firstError: string | undefined;
  let next = 0;
  const worker = async () => {
    while (next < command.count) {
      const index = next++;
      try {
        clients.push(await connectOne(command.url, command.tokens[index % command.tokens.length] as string));
      } catch (error) {
        failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, command.concurrency) }, worker));
  reply({ type: 'connected', open: clients.length, failed, ...(firstError ? { firstError } : {}) });
}

async function disconnect(keep: number): Promise<void> {
  const closing = clients.splice(keep);
  await Promise.all(closing.map((c) => new Promise<void>((resolve) => {
    if (c.ws.readyState === WebSocket.CLOSED) return resolve();
    c.ws.once('close', () => resolve());
    c.ws.close(1000);
  })));
  reply({ type: 'disconnected', open: clients.length });
}

process.on('message', (command: LoadCommand) => {
  const work = (() => {
    switch (command.cmd) {
      case 'connect': return connect(command);
      case 'disconnect': return disconnect(command.keep);
      case 'openLoop': return openLoop(command);
      case 'closedLoop': return closedLoop(command);
      case 'exit':
        for (const c of clients) c.ws.terminate();
        process.disconnect?.();
        return Promise.resolve();
    }
  })();
  work.catch((error: unknown) => reply({ type: 'failure', message: error instanceof Error ? error.stack ?? error.message : String(error) }));
});
reply({ type: 'ready', pid: process.pid });
