import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DescribeStatementCommand, RedshiftDataClient, type DescribeStatementCommandOutput,
} from '@aws-sdk/client-redshift-data';
import { startRedshiftDataServer, type RedshiftDataServer, type RedshiftDataServerOptions, type StatusChangeEvent } from '../../src/warehouse/index.js';

export const TARGET = { ClusterIdentifier: 'redwire-local', Database: 'dev' } as const;
export const SAMPLE_ROWS = 50_000;

export interface Warehouse {
  server: RedshiftDataServer;
  client: RedshiftDataClient;
  events: StatusChangeEvent[];
  stateDir: string;
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** A stand-in on an ephemeral port with a temporary state dir, and a real SDK client pointed at it. */
export async function startWarehouse(overrides: Partial<RedshiftDataServerOptions> = {}): Promise<Warehouse> {
  const stateDir = await mkdtemp(join(tmpdir(), 'redwire-warehouse-'));
  const events: StatusChangeEvent[] = [];
  const options: RedshiftDataServerOptions = {
    port: 0,
    stateDir,
    sampleRows: SAMPLE_ROWS,
    enableTestFunctions: true,
    onStatusChange: (event) => events.push(event),
    ...overrides,
  };
  const warehouse: Warehouse = {
    server: await startRedshiftDataServer(options),
    client: undefined as unknown as RedshiftDataClient,
    events,
    stateDir,
    async restart() {
      this.client.destroy();
      await this.server.close();
      this.server = await startRedshiftDataServer(options);
      this.client = clientFor(this.server.url);
    },
    async close() {
      this.client.destroy();
      await this.server.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
  warehouse.client = clientFor(warehouse.server.url);
  return warehouse;
}

export function clientFor(endpoint: string): RedshiftDataClient {
  return new RedshiftDataClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
}

/** Describes until the statement is final, recording every status seen. */
export async function waitUntilFinal(client: RedshiftDataClient, id: string, seen: string[] = []): Promise<DescribeStatementCommandOutput> {
  for (let attempt = 0; attempt < 2000; attempt += 1) {
    const described = await client.send(new DescribeStatementCommand({ Id: id }));
    if (seen.at(-1) !== described.Status) seen.push(described.Status ?? '');
    if (['FINISHED', 'FAILED', 'ABORTED'].includes(described.Status ?? '')) return described;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`statement ${id} never reached a final state`);
}
