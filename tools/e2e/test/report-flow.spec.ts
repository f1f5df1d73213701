import { mkdtemp, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDbClient, dynamoDbDocumentClient, parseEnv, redshiftDataClient, registryEnv, resetAwsClients, warehouseEnv } from '@redwire/config';
import { createConnectionRegistry, createTableInput, parseStatementName, statementNameFor, type ConnectionRegistry } from '@redwire/connection-registry';
// The local cloud is a tool with projectType application; tests may drive its stand-ins in-process.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { startRedshiftDataServer, type RedshiftDataServer, type StatusChangeEvent } from '@redwire/local-cloud';
import { Warehouse } from '@redwire/warehouse';
import dynalite from 'dynalite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The submit → event → final state path of the libs together, over both stand-ins, with the
 * shared clients from @redwire/config reaching them only through AWS_ENDPOINT_URL_<SERVICE>.
 */
let dataApi: RedshiftDataServer;
let dynamo: ReturnType<typeof dynalite>;
let stateDir: string;
let registry: ConnectionRegistry;
let warehouse: Warehouse;
const events: StatusChangeEvent[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'redwire-e2e-flow-'));
  dataApi = await startRedshiftDataServer({ port: 0, stateDir, sampleRows: 20_000, onStatusChange: (event) => events.push(event) });
  dynamo = dynalite({ createTableMs: 0 });
  await new Promise<void>((resolve) => dynamo.listen(0, '127.0.0.1', () => resolve()));
  const env = {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_REDSHIFT_DATA: dataApi.url,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${(dynamo.address() as AddressInfo).port}`,
    REDWIRE_TABLE_NAME: 'redwire-e2e-registry',
    REDWIRE_CLUSTER_IDENTIFIER: 'redwire-local',
    REDWIRE_DATABASE: 'dev',
  };
  Object.assign(process.env, env);
  const config = parseEnv({ registry: registryEnv, warehouse: warehouseEnv });
  await dynamoDbClient().send(new CreateTableCommand(createTableInput(config.registry.tableName)));
  registry = createConnectionRegistry({ client: dynamoDbDocumentClient(), tableName: config.registry.tableName, maxRunningPerUser: 2 });
  warehouse = new Warehouse({ client: redshiftDataClient(), target: config.warehouse });
});

afterAll(async () => {
  resetAwsClients();
  process.env = saved;
  await dataApi?.close();
  await new Promise<void>((resolve) => dynamo?.close(() => resolve()));
  await rm(stateDir, { recursive: true, force: true });
});

async function eventFor(statementId: string): Promise<StatusChangeEvent> {
  for (let i = 0; i < 600; i += 1) {
    const event = events.find((e) => e.detail.statementId === statementId);
    if (event) return event;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no status-change event for ${statementId}`);
}

describe('report flow over the libs', () => {
  it('subscribes before the statement runs, and a twice-delivered event finishes it exactly once', async () => {
    await registry.connections.put({ connectionId: 'conn-1', userId: 'user-1', groups: [] });
    const subscription = await registry.subscriptions.createPending({ requestId: 'r-1', connectionId: 'conn-1', topic: 'december', userId: 'user-1', reportId: 'trips-per-day' });
    const sql = await readFile(join(import.meta.dirname, '../../../sql/reports/trips-per-day.sql'), 'utf8');
    const { statementId } = await warehouse.execute({
      sql,
      parameters: { month: '2015-12' },
      statementName: statementNameFor('trips-per-day', subscription.key),
      clientToken: subscription.key,
      withEvent: true,
    });
    await registry.subscriptions.attachStatement(subscription.key, statementId);

    const event = await eventFor(statementId);
    expect(event.detail).toMatchObject({ state: 'FINISHED', rows: 31 });
    const key = parseStatementName(event.detail.statementName)?.key ?? '';
    const deliveries = await Promise.all([event, event].map(() => registry.subscriptions.finish(key, { state: 'finished', rowCount: event.detail.rows }, statementId)));
    expect(deliveries.filter((d) => d.won)).toHaveLength(1);
    expect(await registry.slots.held('user-1')).toEqual([]);
    expect(await registry.subscriptions.getByStatementId(statementId)).toMatchObject({ state: 'finished', outcome: { rowCount: 31 }, topic: 'december' });
  });

  it('frees the slot when ExecuteStatement fails after it was taken', async () => {
    const subscription = await registry.subscriptions.createPending({ requestId: 'r-2', connectionId: 'conn-1', topic: 't', userId: 'user-2', reportId: 'broken' });
    const failure = await warehouse
      .execute({ sql: 'SELECT :missing AS x', parameters: { other: '1' }, statementName: statementNameFor('broken', subscription.key), withEvent: true })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ name: 'WarehouseError', code: 'invalid_params' });
    const { won } = await registry.subscriptions.finish(subscription.key, { state: 'failed', error: { code: 'invalid_params', message: 'refused' } });
    expect(won).toBe(true);
    expect(await registry.slots.held('user-2')).toEqual([]);
  });
});
