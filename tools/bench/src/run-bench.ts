import { loadavg } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { ExecuteStatementCommand } from '@aws-sdk/client-redshift-data';
import { Warehouse } from '@redwire/warehouse';
import { sweeperSchedule } from '@redwire/system';
import { benchUsers, startBenchCloud } from './bench-cloud.js';
import { FIGURE_KEYS, type FigureKey } from './bench-keys.js';
import type { BenchProfile } from './bench-profile.js';
import { machineInfo, type BenchResult, type Figure } from './bench-report.js';
import { buildBundles, measureBundles } from './bundles.bench.js';
import { measureColdInit } from './cold-init.bench.js';
import { dataApiClient, LOCAL_TARGET } from './data-api.js';
import { measureSeedQuery } from './engine.bench.js';
import { LoadFleet } from './load-fleet.js';
import { measurePollRatio, measurePush, measureThroughput, openLoop, pushP99, setClients, type Pipeline } from './pipeline.bench.js';
import { RedwireClient } from './redwire-client.js';
import { measureResultOverhead, rawSdkReader } from './result-transport.bench.js';
import { SdkCallCounter } from './sdk-call-counter.js';
import { measureSdkCallCost } from './sdk-call-cost.bench.js';
import { profiled } from './phase-profiler.js';
import { round } from './stats.js';

export interface BenchOptions {
  readonly profile: BenchProfile;
  /** Skip `nx run-many -t build` and measure the bundles already in dist/ (the smoke test). */
  readonly skipBuild?: boolean;
  readonly log?: (line: string) => void;
  /** Writes a CPU profile of every phase whose name contains this text to `<profileDir>/<phase>.cpuprofile`. */
  readonly profilePhase?: string;
  readonly profileDir?: string;
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

async function settledRssMb(): Promise<number> {
  for (let i = 0; i < 3; i += 1) {
    collectGarbage();
    await new Promise((r) => setTimeout(r, 200));
  }
  return process.memoryUsage().rss / 2 ** 20;
}

/** Runs every phase; a phase that fails leaves its figures null with the reason, and the others still run. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { profile } = options;
  const log = options.log ?? (() => undefined);
  const startedAt = new Date();
  const machine = machineInfo();
  const figures = Object.fromEntries(FIGURE_KEYS.map((k) => [k, null])) as Record<FigureKey, Figure | null>;
  const missing: Partial<Record<FigureKey, string>> = {};
  const details: Record<string, unknown> = {};
  const cpuMsPerPhase: Record<string, number> = {};
  details['cpuMsPerPhase'] = cpuMsPerPhase;
  const attempt = async (keys: readonly FigureKey[], what: string, work: () => Promise<void>) => {
    log(`${what} …`);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const profileFile = options.profilePhase && what.includes(options.profilePhase) ? join(options.profileDir ?? '.', `${what.replace(/[^a-z0-9]+/gi, '-')}.cpuprofile`) : undefined;
    try {
      if (Date.now() - startedAt.getTime() > profile.budgetMs) throw new Error(`skipped: the run passed its ${profile.budgetMs / 60_000}-minute budget`);
      await profiled(profileFile, work);
      if (profileFile) log(`  CPU profile: ${profileFile}`);
      const used = process.cpuUsage(cpu);
      cpuMsPerPhase[what] = round((used.user + used.system) / 1000, 0);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
      for (const key of keys) if (!figures[key]) missing[key] = reason.slice(0, 300);
      log(`  failed: ${reason}`);
    }
    log(`  ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };

  if (!options.skipBuild) await attempt(['bundle_max_kb', 'cold_init_max_ms'], 'building handler bundles', async () => buildBundles());
  await attempt(['bundle_max_kb'], 'bundle sizes', async () => {
    const { figure, bundles } = measureBundles();
    figures.bundle_max_kb = figure;
    details['bundles'] = bundles;
  });

  log(`starting the local cloud (${profile.sampleRows.toLocaleString('en')} sample rows)`);
  const bench = await startBenchCloud({ sampleRows: profile.sampleRows, maxRunningPerUser: profile.maxRunningPerUser });
  const sampleData = bench.cloud.warehouse?.sampleData;
  details['sampleData'] = sampleData;
  const endpoints = bench.cloud.endpoints;
  const dataApi = dataApiClient(endpoints.redshiftData, endpoints.region);
  let fleet: LoadFleet | undefined;
  try {
    await attempt(['seed_query_ms'], 'engine: trips-per-day', async () => {
      figures.seed_query_ms = await measureSeedQuery(dataApi, profile.seedRuns, sampleData?.rows ?? profile.sampleRows);
    });

    const tokens: string[] = [];
    await attempt(['push_p50_ms_1000', 'push_p99_ms_1000', 'poll_ratio_p50', 'push_p99_growth_100_to_10000', 'e2e_overhead_p50_ms', 'runs_per_s', 'result_overhead_ratio', 'gateway_rss_delta_mb_10000'], 'users', async () => {
      tokens.push(...(await benchUsers(bench.cloud, profile.users)));
    });

    await attempt([], 'SDK call cost, one call at a time', async () => {
      const { Id } = await dataApi.send(new ExecuteStatementCommand({ ...LOCAL_TARGET, Sql: 'SELECT 1' }));
      if (!Id) throw new Error('ExecuteStatement returned no Id');
      details['sdkCallCost'] = await measureSdkCallCost(endpoints, bench.cloud.tableNames[0] ?? '', dataApi, Id, profile.name === 'full' ? 300 : 30);
    });

    await attempt(['result_overhead_ratio'], 'result transport: /result pages vs raw GetStatementResult', async () => {
      const rawCounter = new SdkCallCounter();
      rawCounter.attach(dataApi);
      const token = tokens[0];
      if (!token) throw new Error('no signed-in user');
      const client = await RedwireClient.connect(endpoints.websocket, endpoints.rest, token);
      try {
        const statementId = await client.run('bench-rows', { seq: 1 });
        const run = await measureResultOverhead(statementId, { read: rawSdkReader(dataApi), counter: rawCounter }, { read: client.readAllRows, label: 'GET /statements/{id}/result' }, profile.transportPairs);
        figures.result_overhead_ratio = run.figure;
        details['resultTransport'] = { rawMs: run.rawMs, redwireMs: run.redwireMs, rows: run.rows, sdkCallsPerRead: run.sdkCalls };
        // The library alone (no HTTP, no Lambda event): how much of the overhead is ours below the handler.
        const libClient = dataApiClient(endpoints.redshiftData, endpoints.region);
        const libCounter = new SdkCallCounter();
        libCounter.attach(libClient);
        const warehouse = new Warehouse({ client: libClient, target: { kind: 'workgroup', workgroupName: LOCAL_TARGET.WorkgroupName, database: LOCAL_TARGET.Database, credentials: { kind: 'iam' } }, cursorSecret: 'bench-cursor-secret-'.padEnd(40, 'x') });
        const libRead = async (id: string) => {
          let rows = 0;
          let cursor: string | undefined;
          do {
            const page = await warehouse.readResultPage(id, cursor);
            rows += page.rows.length;
            cursor = page.cursor;
          } while (cursor);
          return rows;
        };
        const lib = await measureResultOverhead(statementId, { read: rawSdkReader(dataApi), counter: rawCounter }, { read: libRead, counter: libCounter, label: '@redwire/warehouse readResultPage' }, Math.min(2, profile.transportPairs));
        details['resultTransportLibrary'] = { ratio: round(lib.figure.value, 3), rawMs: lib.rawMs, libraryMs: lib.redwireMs, sdkCallsPerRead: lib.sdkCalls };
        libClient.destroy();
      } finally {
        client.close();
      }
    });

    fleet = await LoadFleet.start(profile.loadProcesses);
    const p: Pipeline = { bench, fleet, tokens, profile, dataApi, rate: profile.ratePerS };
    // Throughput first: open-loop latency must be measured well under capacity, not in a queue.
    await attempt(['runs_per_s'], `closed loop, ${profile.closedLoopClients} clients`, async () => {
      await setClients(p, profile.closedLoopClients);
      const throughput = await measureThroughput(p);
      figures.runs_per_s = throughput.figure;
      p.rate = Math.min(profile.ratePerS, Math.max(1, Math.floor(throughput.figure.value / 2)));
      details['throughput'] = { latency: throughput.latency, failures: throughput.failures, cloudCpuMsPerRun: round(throughput.cloudCpuMsPerRun, 2) };
    });
    details['openLoopRatePerS'] = p.rate;
    if (p.rate < profile.ratePerS) log(`  open-loop rate ${p.rate} runs/s: half the measured capacity, below the ${profile.ratePerS} runs/s of the issue`);

    await attempt(['cold_init_max_ms'], 'cold starts of the handler bundles', async () => {
      await setClients(p, 0);
      bench.cloud.bus.fireSchedule(sweeperSchedule.name);
      await bench.cloud.bus.idle();
      const events = new Map(bench.firstEvents);
      const submit = events.get('ws-message') as { body?: string } | undefined;
      if (submit?.body) submit.body = submit.body.replace(/"requestId":"[^"]*"/, `"requestId":"cold-${Date.now()}"`);
      const cold = await measureColdInit(events, bench.cloud.environment, profile.coldInitRepeats);
      figures.cold_init_max_ms = cold.figure;
      details['coldStarts'] = cold.starts;
    });
    await attempt(['push_p50_ms_1000', 'push_p99_ms_1000', 'e2e_overhead_p50_ms'], `push + first rows, ${profile.clients} clients, open loop`, async () => {
      await setClients(p, profile.clients);
      const push = await measurePush(p);
      figures.push_p50_ms_1000 = push.p50;
      figures.push_p99_ms_1000 = push.p99;
      figures.e2e_overhead_p50_ms = push.e2e;
      details['push'] = { repeats: push.repeats, e2eRepeats: push.e2eRepeats, engineP50Ms: push.engineP50Ms, breakdownP50: push.breakdownP50, failures: push.failures };
    });

    await attempt(['poll_ratio_p50'], `push vs polling every 500 ms, side by side, ${profile.clients} clients`, async () => {
      await setClients(p, profile.clients);
      const poll = await measurePollRatio(p);
      figures.poll_ratio_p50 = poll.figure;
      details['pollRatio'] = { push: poll.push, poll: poll.poll, meanPolls: poll.meanPolls };
    });

    let p99Many: number | undefined;
    await attempt(['gateway_rss_delta_mb_10000', 'push_p99_growth_100_to_10000'], `${profile.manyClients} idle sockets`, async () => {
      await setClients(p, 0);
      const before = await settledRssMb();
      const started = performance.now();
      await setClients(p, profile.manyClients);
      const connectS = (performance.now() - started) / 1000;
      await new Promise((r) => setTimeout(r, 1000));
      const after = await settledRssMb();
      figures.gateway_rss_delta_mb_10000 = { value: after - before, samples: profile.manyClients, note: `local cloud process (gateway stand-in, in-process handlers, dynalite) ${round(before, 0)} → ${round(after, 0)} MB; ${round(((after - before) * 1024) / profile.manyClients, 1)} KB per socket; connected in ${round(connectS, 1)} s` };
      details['rss'] = { beforeMb: round(before, 1), afterMb: round(after, 1), sockets: profile.manyClients, connectSeconds: round(connectS, 1) };
    });
    await attempt(['push_p99_growth_100_to_10000'], `push p99 at ${profile.manyClients} clients`, async () => {
      if (bench.cloud.connections.size !== profile.manyClients) throw new Error(`${profile.manyClients} clients are not connected`);
      const many = await pushP99(p);
      p99Many = many.p99;
      details['pushAtManyClients'] = many;
    });

    await attempt(['push_p99_growth_100_to_10000'], `push p99 at ${profile.fewClients} clients`, async () => {
      if (p99Many === undefined) throw new Error(`no push p99 at ${profile.manyClients} clients`);
      await setClients(p, profile.fewClients);
      const few = await pushP99(p);
      details['pushAtFewClients'] = few;
      figures.push_p99_growth_100_to_10000 = { value: p99Many / few.p99, samples: few.count, note: `p99 ${round(p99Many)} ms at ${profile.manyClients} clients ÷ ${round(few.p99)} ms at ${profile.fewClients}, ${round(p.rate, 1)} runs/s` };
    });

    await attempt([], 'SDK calls per handler invocation (untimed)', async () => {
      bench.trace.start();
      try {
        await setClients(p, 0);
        await setClients(p, profile.fewClients);
        await openLoop(p, ['fetch', 'poll']);
        await setClients(p, 0);
        details['sdkCallsPerInvocation'] = bench.trace.perInvocation();
      } finally {
        bench.trace.stop();
      }
    });

  } finally {
    await fleet?.close();
    dataApi.destroy();
    await bench.close();
  }

  const finishedAt = new Date();
  return {
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationS: round((finishedAt.getTime() - startedAt.getTime()) / 1000, 1),
    profile: profile.name,
    machine: { ...machine, loadAtEnd: loadavg().map((l) => round(l)) },
    figures,
    missing,
    details,
  };
}
