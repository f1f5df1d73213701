import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WORKSPACE_ROOT } from './local-cloud.js';
import { functions } from '@redwire/system';
import type { Figure } from './bench-report.js';
import { median } from './stats.js';

// Runs in a fresh `node` (no tsx, no bench code): import the bundle, invoke its handler once with the event.
const CHILD_SCRIPT = `
const started = performance.now();
const mod = await import(process.env.BENCH_BUNDLE_URL);
const imported = performance.now();
const event = JSON.parse(process.env.BENCH_EVENT || 'null');
let error;
if (event !== null) {
  const context = { functionName: process.env.BENCH_FUNCTION, functionVersion: '$LATEST', invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:' + process.env.BENCH_FUNCTION,
    memoryLimitInMB: '256', awsRequestId: 'cold-init', logGroupName: '/aws/lambda/bench', logStreamName: 'bench', callbackWaitsForEmptyEventLoop: false, getRemainingTimeInMillis: () => 5000 };
  try { await mod.handler(event, context); } catch (e) { error = String(e && e.message || e); }
}
const invoked = performance.now();
process.stdout.write(JSON.stringify({ importMs: imported - started, invokeMs: invoked - imported, error }));
process.exit(0);
`;

export interface ColdStart {
  readonly function: string;
  readonly importMs: number;
  readonly invokeMs: number;
  readonly totalMs: number;
  /** False when the bench had no event for the function: the figure is the import alone. */
  readonly invoked: boolean;
  readonly error?: string;
}

function coldStartOnce(fn: string, bundle: string, event: unknown, environment: Readonly<Record<string, string>>): Promise<ColdStart> {
  return new Promise((resolve, reject) => {
    // BENCH_COLD_START_PROFILE_DIR=<dir>: a CPU profile of every cold start (node --cpu-prof).
    const profileDir = process.env['BENCH_COLD_START_PROFILE_DIR'];
    const profile = profileDir ? ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `${fn}-${Date.now()}.cpuprofile`] : [];
    const child = spawn(process.execPath, [...profile, '--input-type=module', '-e', CHILD_SCRIPT], {
      env: {
        PATH: process.env['PATH'] ?? '',
        ...environment,
        BENCH_BUNDLE_URL: pathToFileURL(join(WORKSPACE_ROOT, bundle)).href,
        BENCH_EVENT: JSON.stringify(event ?? null),
        BENCH_FUNCTION: fn,
        AWS_LAMBDA_FUNCTION_NAME: fn,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const line = out.trim().split('\n').at(-1) ?? '';
      try {
        const parsed = JSON.parse(line) as { importMs: number; invokeMs: number; error?: string };
        resolve({ function: fn, importMs: parsed.importMs, invokeMs: parsed.invokeMs, totalMs: parsed.importMs + parsed.invokeMs, invoked: event !== undefined, ...(parsed.error ? { error: parsed.error } : {}) });
      } catch {
        reject(new Error(`cold start of ${fn} printed no result: ${err.split('\n').filter((l) => l.length < 400).join(' | ').slice(0, 1200)}`));
      }
    });
  });
}

/**
 * cold_init_max_ms: per handler, the median over `repeats` fresh processes of importing its bundle
 * and invoking it once with an event it really received during this bench run; the worst handler
 * (deploy-time functions such as setup-warehouse are measured but not counted).
 */
export async function measureColdInit(events: ReadonlyMap<string, unknown>, environment: Readonly<Record<string, string>>, repeats: number): Promise<{ figure: Figure; starts: ColdStart[] }> {
  const starts: ColdStart[] = [];
  for (const fn of functions) {
    const runs: ColdStart[] = [];
    for (let i = 0; i < repeats; i += 1) runs.push(await coldStartOnce(fn.name, fn.bundle, events.get(fn.name), environment));
    const first = runs[0] as ColdStart;
    starts.push({
      ...first,
      importMs: median(runs.map((r) => r.importMs)),
      invokeMs: median(runs.map((r) => r.invokeMs)),
      totalMs: median(runs.map((r) => r.totalMs)),
    });
  }
  // A deploy-time function's first invocation is its whole job (DDL, loading data), not start-up work.
  const deployOnly = new Set(functions.filter((fn) => fn.trigger.kind === 'deploy').map((fn) => fn.name));
  const requestPath = starts.filter((s) => !deployOnly.has(s.function));
  const invoked = requestPath.filter((s) => s.invoked);
  const worst = (invoked.length ? invoked : requestPath).reduce((a, b) => (b.totalMs > a.totalMs ? b : a));
  const importOnly = requestPath.filter((s) => !s.invoked).map((s) => s.function);
  const deploy = starts.filter((s) => deployOnly.has(s.function)).map((s) => `${s.function} ${s.totalMs.toFixed(0)} ms (import ${s.importMs.toFixed(0)} ms)`);
  return {
    figure: {
      value: worst.totalMs,
      samples: requestPath.length * repeats,
      note: `worst: ${worst.function} (import ${worst.importMs.toFixed(0)} ms + first invocation ${worst.invokeMs.toFixed(0)} ms)${importOnly.length ? `; import only (no event in the run): ${importOnly.join(', ')}` : ''}${deploy.length ? `; deploy-time, not counted: ${deploy.join(', ')}` : ''}`,
    },
    starts,
  };
}
