import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CognitoIdentityProviderClient, ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
import { ephemeralPorts, importHandlerLoader, startLocalCloud, WORKSPACE_ROOT, type HandlerLoader, type LocalCloud } from './local-cloud.js';
import { buildCatalog, writeCatalogBundle } from '@redwire/query-catalog';
import { ENV } from '@redwire/system';
import { pino } from 'pino';
import { SdkTrace } from './sdk-trace.js';
import { wallClockMs } from './stats.js';

/** Bench-only reports (cheap ping, 100,000-row transport): never part of the users' catalog in sql/reports. */
export const BENCH_REPORTS_DIR = resolve(WORKSPACE_ROOT, 'tools/bench/sql');
const PASSWORD = 'Bench-Run-2026!';

export interface BenchCloud {
  readonly cloud: LocalCloud;
  readonly stateDir: string;
  /** Wall-clock ms (sub-ms) at which the stand-in published each statement's final-state event, by statement id. */
  readonly finalAt: Map<string, number>;
  /** The first event each function received (ws-message: the first submit), replayed by the cold-start figure. */
  readonly firstEvents: Map<string, unknown>;
  /** When notify started and finished handling each statement's event (wall-clock ms), by statement id. */
  readonly notifyTimes: Map<string, { start: number; end: number }>;
  /** SDK calls per invocation of each in-process handler. */
  readonly trace: SdkTrace;
  /** Resolves once no handler invocation is running (e.g. after a storm of $disconnect). */
  handlersIdle(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export interface BenchCloudOptions {
  readonly sampleRows: number;
  readonly maxRunningPerUser: number;
}

/**
 * The local cloud the bench measures: temporary state, ephemeral loopback ports, the bench catalog
 * (REDWIRE_CATALOG_URL), raised per-user limits, handler logs at `warn`. The final-state event time
 * of every statement is taken where the stand-in publishes it, at sub-millisecond resolution.
 */
export async function startBenchCloud(options: BenchCloudOptions): Promise<BenchCloud> {
  const stateDir = await mkdtemp(join(tmpdir(), 'redwire-bench-'));
  const firstEvents = new Map<string, unknown>();
  const trace = new SdkTrace();
  const running = { count: 0 };
  const notifyTimes = new Map<string, { start: number; end: number }>();
  const catalogFile = await writeCatalogBundle(await buildCatalog(BENCH_REPORTS_DIR), join(stateDir, 'bench-catalog'));
  const cloud = await startLocalCloud({
    ports: ephemeralPorts(),
    stateDir,
    sampleRows: options.sampleRows,
    logger: pino({ level: process.env['REDWIRE_LOG_LEVEL'] ?? 'warn' }),
    webDistDir: join(stateDir, 'no-web'),
    loadHandler: recordingLoader(importHandlerLoader(WORKSPACE_ROOT), { firstEvents, trace, running, notifyTimes }),
    environment: {
      [ENV.catalogUrl]: pathToFileURL(catalogFile).href,
      [ENV.maxRunningPerUser]: String(options.maxRunningPerUser),
    },
  });
  const finalAt = new Map<string, number>();
  const publish = cloud.bus.publish.bind(cloud.bus);
  cloud.bus.publish = (input) => {
    if (input.source === 'aws.redshift-data') {
      const id = (input.detail as { statementId?: unknown }).statementId;
      if (typeof id === 'string') finalAt.set(id, wallClockMs());
    }
    return publish(input);
  };
  return {
    cloud,
    stateDir,
    finalAt,
    firstEvents,
    trace,
    notifyTimes,
    handlersIdle: async (timeoutMs = 300_000) => {
      const until = Date.now() + timeoutMs;
      while (running.count > 0) {
        if (Date.now() > until) throw new Error(`${running.count} handler invocations still running after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: async () => {
      await cloud.close();
      trace.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}

interface Recorders {
  readonly firstEvents: Map<string, unknown>;
  readonly trace: SdkTrace;
  readonly running: { count: number };
  readonly notifyTimes: Map<string, { start: number; end: number }>;
}

function recordingLoader(load: HandlerLoader, { firstEvents, trace, running, notifyTimes }: Recorders): HandlerLoader {
  return async (fn) => {
    const handler = await load(fn);
    if (!handler) return undefined;
    return (event, context) => {
      const isSubmit = typeof (event as { body?: unknown }).body === 'string' && (event as { body: string }).body.includes('"submit"');
      if (!firstEvents.has(fn.name) && (fn.name !== 'ws-message' || isSubmit)) firstEvents.set(fn.name, structuredClone(event));
      running.count += 1;
      const start = wallClockMs();
      const statementId = fn.name === 'notify' ? (event as { detail?: { statementId?: unknown } }).detail?.statementId : undefined;
      return trace.invoke(fn.name, () => handler(event, context)).finally(() => {
        running.count -= 1;
        if (typeof statementId === 'string' && !notifyTimes.has(statementId)) notifyTimes.set(statementId, { start, end: wallClockMs() });
      });
    };
  };
}

/** Signs up, confirms (code from the dev mailbox) and signs in `count` users; returns their ID tokens. */
export async function benchUsers(cloud: LocalCloud, count: number): Promise<string[]> {
  const cognito = new CognitoIdentityProviderClient({ endpoint: cloud.endpoints.cognito, region: cloud.endpoints.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const ClientId = cloud.endpoints.userPoolClientId;
  const tokens: string[] = [];
  try {
    for (let i = 0; i < count; i += 1) {
      const email = `bench-${i}@example.com`;
      await cognito.send(new SignUpCommand({ ClientId, Username: email, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] }));
      const code = cloud.mailbox.list().find((mail) => mail.to === email)?.code;
      if (!code) throw new Error(`no confirmation code for ${email} in the dev mailbox`);
      await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: code }));
      const auth = await cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD } }));
      const token = auth.AuthenticationResult?.IdToken;
      if (!token) throw new Error(`no ID token for ${email}`);
      tokens.push(token);
    }
  } finally {
    cognito.destroy();
  }
  return tokens;
}
