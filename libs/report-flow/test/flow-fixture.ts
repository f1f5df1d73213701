import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createConnectionRegistry, createTableInput, type ConnectionRegistry } from '@redwire/connection-registry';
import type { ServerMessage } from '@redwire/protocol';
import { buildCatalogFromFiles, type CatalogBundle } from '@redwire/query-catalog';
import type { StatementDescription } from '@redwire/warehouse';
import dynalite from 'dynalite';
import { pino } from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { MessageDependencies, SocketSender, StatementRunner } from '../src/flow-ports.js';

/** Records every post; connections listed in `gone` answer 410. */
export class RecordingSender implements SocketSender {
  readonly sent: { connectionId: string; message: ServerMessage }[] = [];
  readonly gone = new Set<string>();
  async send(connectionId: string, message: ServerMessage) {
    if (this.gone.has(connectionId)) return 'gone' as const;
    this.sent.push({ connectionId, message });
    return 'sent' as const;
  }
  to(connectionId: string): ServerMessage[] {
    return this.sent.filter((s) => s.connectionId === connectionId).map((s) => s.message);
  }
}

/** A scripted Data API: ids are handed out in order, descriptions are set by the test. */
export class ScriptedRunner implements StatementRunner {
  readonly executed: Parameters<StatementRunner['execute']>[0][] = [];
  readonly cancelled: string[] = [];
  readonly descriptions = new Map<string, StatementDescription>();
  failNextExecute: Error | undefined;
  private next = 0;
  async execute(input: Parameters<StatementRunner['execute']>[0]) {
    if (this.failNextExecute) {
      const error = this.failNextExecute;
      this.failNextExecute = undefined;
      throw error;
    }
    this.executed.push(input);
    this.next += 1;
    return { statementId: `00000000-0000-4000-8000-${String(this.next).padStart(12, '0')}` };
  }
  async describe(statementId: string): Promise<StatementDescription> {
    return this.descriptions.get(statementId) ?? { statementId, state: 'running', elapsedMs: 5, hasResultSet: false };
  }
  async cancel(statementId: string) {
    this.cancelled.push(statementId);
    return true;
  }
  finished(statementId: string, rowCount: number): void {
    this.descriptions.set(statementId, { statementId, state: 'finished', elapsedMs: 40, rowCount, hasResultSet: true });
  }
  failed(statementId: string, message: string): void {
    this.descriptions.set(statementId, { statementId, state: 'failed', elapsedMs: 40, error: { code: 'query_failed', message }, hasResultSet: false });
  }
}

const REPORTS = new Map([
  [
    'trips-per-day.sql',
    `/*---
{ "id": "trips-per-day", "title": "Trips per day", "description": "d", "groups": [],
  "parameters": [{ "name": "month", "kind": "month", "label": "Month", "min": "2015-01", "max": "2015-12" }] }
---*/
SELECT pickup_date, count(*) AS trips FROM nyc_yellow_taxi WHERE pickup_date >= to_date(:month, 'YYYY-MM') GROUP BY 1`,
  ],
  [
    'admin-only.sql',
    `/*---
{ "id": "admin-only", "title": "Admins only", "description": "d", "groups": ["admins"], "parameters": [] }
---*/
SELECT count(*) AS trips FROM nyc_yellow_taxi`,
  ],
]);

export interface FlowFixture {
  deps: MessageDependencies;
  registry: ConnectionRegistry;
  runner: ScriptedRunner;
  sender: RecordingSender;
  catalog: CatalogBundle;
}

/** Real dynalite (one per spec file, a fresh table per fixture), a scripted warehouse and a recording socket. */
export function useFlowFixture() {
  let server: ReturnType<typeof dynalite>;
  let client: DynamoDBDocumentClient;
  let raw: DynamoDBClient;
  let catalog: CatalogBundle;
  beforeAll(async () => {
    server = dynalite({ createTableMs: 0 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    raw = new DynamoDBClient({ region: 'us-east-1', endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
    catalog = await buildCatalogFromFiles(REPORTS);
  });
  afterAll(async () => {
    raw.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return async (options: { maxRunningPerUser?: number; now?: () => Date } = {}): Promise<FlowFixture> => {
    const tableName = `registry-${randomUUID().slice(0, 8)}`;
    await raw.send(new CreateTableCommand(createTableInput(tableName)));
    const registry = createConnectionRegistry({ client, tableName, ...options });
    const runner = new ScriptedRunner();
    const sender = new RecordingSender();
    const deps: MessageDependencies = { registry, runner, sender, catalog: async () => catalog, logger: pino({ level: 'silent' }), ...(options.now ? { now: options.now } : {}) };
    return { deps, registry, runner, sender, catalog };
  };
}

export const alice = { userId: 'user-alice', groups: [] as string[] };
export const bob = { userId: 'user-bob', groups: ['admins'] };

/** The value, or a failed test naming what was missing (instead of a non-null assertion). */
export function present<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`expected a ${what}`);
  return value;
}
