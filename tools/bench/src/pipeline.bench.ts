import { DescribeStatementCommand, type RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import type { BenchCloud } from './bench-cloud.js';
import type { BenchProfile } from './bench-profile.js';
import type { Figure } from './bench-report.js';
import { e2eOverhead, failures, pushBreakdown, summarize, timeToKnow, type LatencySummary } from './load-analysis.js';
import { share, type LoadFleet } from './load-fleet.js';
import type { LoadReply, RunMode, RunSample } from './load-protocol.js';
import { median, round } from './stats.js';

export const CHEAP_REPORT = 'bench-ping';
const POLL_INTERVAL_MS = 500;

export interface Pipeline {
  readonly bench: BenchCloud;
  readonly fleet: LoadFleet;
  readonly tokens: readonly string[];
  readonly profile: BenchProfile;
  readonly dataApi: RedshiftDataClient;
  /** Open-loop arrival rate: the profile's (100/s), or half the measured closed-loop capacity when that is lower. */
  rate: number;
}

/** Brings the number of connected clients to `total` (opening or closing), and waits until the gateway agrees. */
export async function setClients(p: Pipeline, total: number): Promise<void> {
  const connections = p.bench.cloud.connections;
  if (total > connections.size) {
    const current = await p.fleet.each(() => ({ cmd: 'disconnect', keep: Number.MAX_SAFE_INTEGER }));
    const open = current.map((r) => (r.type === 'disconnected' ? r.open : 0));
    const replies = await p.fleet.each((i) => ({
      cmd: 'connect',
      url: p.bench.cloud.endpoints.websocket,
      tokens: p.tokens,
      count: Math.max(0, share(total, p.fleet.size, i) - (open[i] ?? 0)),
      concurrency: p.profile.connectConcurrency,
    }));
    const failed = replies.reduce((n, r) => n + (r.type === 'connected' ? r.failed : 0), 0);
    if (failed > 0) {
      const first = replies.find((r): r is Extract<LoadReply, { type: 'connected' }> => r.type === 'connected' && r.firstError !== undefined);
      throw new Error(`${failed} of ${total} clients could not connect: ${first?.firstError ?? 'unknown'}`);
    }
  } else {
    await p.fleet.each((i) => ({ cmd: 'disconnect', keep: share(total, p.fleet.size, i) }));
  }
  const until = Date.now() + 120_000;
  while (connections.size !== total && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  await p.bench.cloud.bus.idle();
  await p.bench.handlersIdle();
  if (connections.size !== total) throw new Error(`the gateway holds ${connections.size} connections, expected ${total}`);
}

export interface OpenLoopResult {
  readonly runs: RunSample[];
  readonly lateTicks: number;
  readonly clients: number;
}

/** Runs arrive at `ratePerS` over random connected clients for `openLoopMs`, whatever earlier runs are doing. */
export async function openLoop(p: Pipeline, modes: readonly RunMode[], report = CHEAP_REPORT): Promise<OpenLoopResult> {
  const perProcess = p.rate / p.fleet.size;
  const durationMs = Math.max(p.profile.openLoopMs, Math.ceil((p.profile.minRunsPerProcess / perProcess) * 1000));
  const replies = await p.fleet.each(() => ({
    cmd: 'openLoop',
    rest: p.bench.cloud.endpoints.rest,
    ratePerS: perProcess,
    durationMs,
    modes,
    report,
    pollIntervalMs: POLL_INTERVAL_MS,
    drainMs: 15_000,
  }));
  const runs: RunSample[] = [];
  let lateTicks = 0;
  for (const reply of replies) {
    if (reply.type !== 'openLoopDone') continue;
    runs.push(...reply.runs);
    lateTicks += reply.lateTicks;
  }
  return { runs, lateTicks, clients: p.bench.cloud.connections.size };
}

function requireCompleted(result: OpenLoopResult, what: string): void {
  const failed = failures(result.runs);
  const bad = Object.values(failed).reduce((n, f) => n + f.count, 0);
  // A few lost runs are reported; a load where most runs fail measures nothing.
  if (bad > result.runs.length / 10 || result.runs.length === 0) throw new Error(`${what}: ${bad} of ${result.runs.length} runs did not complete: ${JSON.stringify(failed)}`);
}

/** Engine time (DescribeStatement Duration) of up to `limit` statements, by id. */
export async function engineTimes(client: RedshiftDataClient, ids: readonly string[], limit = 400): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const id of ids.slice(0, limit)) {
    const described = await client.send(new DescribeStatementCommand({ Id: id }));
    if (described.Duration !== undefined && described.Duration >= 0) out.set(id, described.Duration / 1e6);
  }
  return out;
}

export interface PushFigures {
  readonly p50: Figure;
  readonly p99: Figure;
  readonly e2e: Figure;
  readonly repeats: LatencySummary[];
  readonly e2eRepeats: LatencySummary[];
  readonly engineP50Ms: number;
  /** p50 of each part of push latency over all repeats (ms). */
  readonly breakdownP50: { toNotify: number; inNotify: number; afterNotify: number };
  readonly failures: Record<string, { count: number; first?: string }>[];
}

/** push p50/p99 and e2e overhead at `clients` connected clients: repeated open-loop runs that fetch the first page; medians over repeats. */
export async function measurePush(p: Pipeline): Promise<PushFigures> {
  const repeats: LatencySummary[] = [];
  const e2eRepeats: LatencySummary[] = [];
  const engines: number[] = [];
  const failed: Record<string, { count: number; first?: string }>[] = [];
  const parts = { toNotify: [] as number[], inNotify: [] as number[], afterNotify: [] as number[] };
  for (let i = 0; i < p.profile.openLoopRepeats; i += 1) {
    const result = await openLoop(p, ['fetch']);
    const split = pushBreakdown(result.runs, p.bench.finalAt, p.bench.notifyTimes);
    for (const key of ['toNotify', 'inNotify', 'afterNotify'] as const) parts[key].push(...split[key]);
    requireCompleted(result, 'push run');
    failed.push(failures(result.runs));
    repeats.push(summarize(timeToKnow(result.runs, 'fetch', p.bench.finalAt)));
    const engine = await engineTimes(p.dataApi, result.runs.flatMap((r) => (r.statementId ? [r.statementId] : [])));
    engines.push(...engine.values());
    e2eRepeats.push(summarize(e2eOverhead(result.runs, engine)));
  }
  const samples = repeats.reduce((n, r) => n + r.count, 0);
  const note = `${p.profile.clients} clients, ${round(p.rate, 1)} runs/s × ${repeats.length}; per-repeat p50 ${repeats.map((r) => round(r.p50)).join(', ')}`;
  return {
    p50: { value: median(repeats.map((r) => r.p50)), samples, note },
    p99: { value: median(repeats.map((r) => r.p99)), samples, note: `per-repeat p99 ${repeats.map((r) => round(r.p99)).join(', ')}` },
    e2e: {
      value: median(e2eRepeats.map((r) => r.p50)),
      samples: e2eRepeats.reduce((n, r) => n + r.count, 0),
      note: `per-repeat p50 ${e2eRepeats.map((r) => round(r.p50)).join(', ')}; engine time p50 ${round(median(engines), 3)} ms subtracted per statement`,
    },
    repeats,
    e2eRepeats,
    engineP50Ms: median(engines),
    breakdownP50: { toNotify: round(median(parts.toNotify), 3), inNotify: round(median(parts.inNotify), 3), afterNotify: round(median(parts.afterNotify), 3) },
    failures: failed,
  };
}

/** poll_ratio_p50: one open-loop run, alternate runs push or poll GET /statements/{id} every 500 ms, side by side. */
export async function measurePollRatio(p: Pipeline): Promise<{ figure: Figure; push: LatencySummary; poll: LatencySummary; meanPolls: number }> {
  const result = await openLoop(p, ['push', 'poll']);
  requireCompleted(result, 'poll run');
  const push = summarize(timeToKnow(result.runs, 'push', p.bench.finalAt));
  const poll = summarize(timeToKnow(result.runs, 'poll', p.bench.finalAt));
  const polled = result.runs.filter((r) => r.mode === 'poll' && r.outcome === 'completed');
  const meanPolls = polled.reduce((n, r) => n + (r.polls ?? 0), 0) / Math.max(1, polled.length);
  return {
    figure: { value: poll.p50 / push.p50, samples: push.count + poll.count, note: `poll p50 ${round(poll.p50)} ms ÷ push p50 ${round(push.p50)} ms (same run, ${p.profile.clients} clients, ${round(p.rate, 1)} runs/s); ${round(meanPolls)} polls per run` },
    push,
    poll,
    meanPolls,
  };
}

/** push p99 at the current client count (for the growth figure). */
export async function pushP99(p: Pipeline): Promise<LatencySummary> {
  const result = await openLoop(p, ['push']);
  requireCompleted(result, `push run at ${result.clients} clients`);
  return summarize(timeToKnow(result.runs, 'push', p.bench.finalAt));
}

/** runs_per_s: closed loop, each client submit → push → first page, again and again. */
function closedLoop(p: Pipeline, durationMs: number): Promise<LoadReply[]> {
  return p.fleet.each((i) => ({
    cmd: 'closedLoop',
    rest: p.bench.cloud.endpoints.rest,
    clients: share(p.profile.closedLoopClients, p.fleet.size, i),
    durationMs,
    report: CHEAP_REPORT,
    drainMs: 15_000,
  }));
}

export async function measureThroughput(p: Pipeline): Promise<{ figure: Figure; latency: LatencySummary; failures: Record<string, { count: number; first?: string }>; cloudCpuMsPerRun: number }> {
  await closedLoop(p, p.profile.warmupMs);
  const cpu = process.cpuUsage();
  const replies = await closedLoop(p, p.profile.closedLoopMs);
  const runs: RunSample[] = [];
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const reply of replies) {
    if (reply.type !== 'closedLoopDone') continue;
    runs.push(...reply.runs);
    start = Math.min(start, reply.startedAt);
    end = Math.max(end, reply.endedAt);
  }
  const used = process.cpuUsage(cpu);
  const done = runs.filter((r) => r.outcome === 'completed' && r.firstRowsAt !== undefined && r.firstRowsAt <= end);
  const seconds = (end - start) / 1000;
  const latency = summarize(done.map((r) => (r.firstRowsAt as number) - r.sentAt));
  return {
    figure: { value: done.length / seconds, samples: done.length, note: `${p.profile.closedLoopClients} clients for ${round(seconds, 1)} s; run latency p50 ${round(latency.p50)} ms, p99 ${round(latency.p99)} ms; local cloud CPU ${round((used.user + used.system) / 1000 / Math.max(1, done.length), 1)} ms per run` },
    latency,
    cloudCpuMsPerRun: (used.user + used.system) / 1000 / Math.max(1, done.length),
    failures: failures(runs),
  };
}
