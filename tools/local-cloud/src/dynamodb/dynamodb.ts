import { Worker } from 'node:worker_threads';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  ScanCommand,
  type AttributeValue,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import type { Logger } from 'pino';
import type { TableSpec } from '@redwire/system';
import { PortInUseError } from '../http/listen.js';

/** A DynamoDB table name for a logical table: `<prefix>-<name>`. */
export const physicalTableName = (prefix: string, table: TableSpec) => `${prefix}-${table.name}`;

/** dynalite listening on its own thread; `close()` closes the server and its LevelDB, then ends the thread. */
export interface DynamoDbThread {
  readonly port: number;
  close(): Promise<void>;
}

type ThreadMessage = { type: 'listening'; port: number } | { type: 'error'; code?: string; message: string } | { type: 'crashed'; message: string } | { type: 'closed' };

/**
 * dynalite on a worker thread, persisted in `dir`. The local cloud runs every stand-in and every
 * handler in one process; the registry's stand-in is the busiest of them (a profile of the bench's
 * closed loop put 22 % of that thread in dynalite and LevelDB, plus its HTTP parsing), and on
 * its own thread it uses the machine's second core instead of queueing behind the handlers.
 * Clients reach it over HTTP on 127.0.0.1 exactly as before.
 */
export function startDynamoDbThread(dir: string, port: number, variable: string, onCrash: (message: string) => void = () => undefined): Promise<DynamoDbThread> {
  const worker = new Worker(new URL('./dynalite.thread.mjs', import.meta.url), { workerData: { dir, port } });
  const state = { exited: false };
  worker.once('exit', () => (state.exited = true));
  // After start: a crash of the thread is reported, never an unhandled 'error' event.
  const crashed = (message: ThreadMessage) => message.type === 'crashed' && onCrash(message.message);
  const failed = (error: Error) => onCrash(error.stack ?? error.message);
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      void worker.terminate();
      reject(error);
    };
    worker.once('error', fail);
    worker.once('message', (message: ThreadMessage) => {
      worker.off('error', fail);
      worker.on('error', failed);
      worker.on('message', crashed);
      if (message.type === 'listening') resolve({ port: message.port, close: () => (state.exited ? Promise.resolve() : closeThread(worker)) });
      else if (message.type === 'error') fail(message.code === 'EADDRINUSE' ? new PortInUseError('dynamodb', port, variable) : new Error(`dynalite failed to start: ${message.message}`));
      else fail(new Error('dynalite closed before it listened'));
    });
  });
}

function closeThread(worker: Worker): Promise<void> {
  return new Promise((resolve) => {
    let finished = false;
    const done = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      void worker.terminate().then(() => resolve());
    };
    const onMessage = (message: ThreadMessage) => {
      if (message.type === 'closed') done();
    };
    // A thread that does not answer within 5 s is terminated anyway (LevelDB's log makes that safe).
    const timer = setTimeout(done, 5_000);
    worker.on('message', onMessage);
    worker.once('exit', done);
    worker.postMessage('close');
  });
}

export function createTableInput(name: string, table: TableSpec): CreateTableCommandInput {
  const keyNames = new Set([table.partitionKey, table.sortKey]);
  for (const index of table.globalSecondaryIndexes) {
    keyNames.add(index.partitionKey);
    if (index.sortKey) keyNames.add(index.sortKey);
  }
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyNames].map((AttributeName) => ({ AttributeName, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: table.partitionKey, KeyType: 'HASH' },
      { AttributeName: table.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: table.globalSecondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        ...(index.sortKey ? [{ AttributeName: index.sortKey, KeyType: 'RANGE' as const }] : []),
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}

/** Creates each table unless it exists (a restart keeps the data). */
export async function ensureTables(client: DynamoDBClient, prefix: string, tables: readonly TableSpec[]): Promise<string[]> {
  const names: string[] = [];
  for (const table of tables) {
    const name = physicalTableName(prefix, table);
    try {
      await client.send(new CreateTableCommand(createTableInput(name, table)));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error;
    }
    await waitUntilActive(client, name);
    names.push(name);
  }
  return names;
}

/** As with DynamoDB, a new table takes writes only once it is ACTIVE (dynalite: a timer later). */
async function waitUntilActive(client: DynamoDBClient, name: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
    if (Table?.TableStatus === 'ACTIVE') return;
    if (Date.now() > deadline) throw new Error(`table ${name} is still ${Table?.TableStatus ?? 'unknown'} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * dynalite has no TTL: this sweeper deletes items whose TTL attribute (epoch seconds, a Number) has passed.
 * Deletes are conditional on the TTL still being past, so an item refreshed meanwhile survives.
 */
export class TtlSweeper {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tables: readonly { readonly name: string; readonly spec: TableSpec }[],
    private readonly logger: Logger,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.sweep().catch((error: unknown) => this.logger.warn({ err: error }, 'TTL sweep failed'));
    }, intervalMs);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Deletes every expired item now; resolves with how many were deleted. */
  async sweep(nowSeconds = Math.floor(Date.now() / 1000)): Promise<number> {
    let deleted = 0;
    for (const { name, spec } of this.tables) {
      const names = { '#ttl': spec.ttlAttribute };
      const values = { ':now': { N: String(nowSeconds) } };
      let start: Record<string, AttributeValue> | undefined;
      do {
        const page = await this.client.send(
          new ScanCommand({ TableName: name, FilterExpression: '#ttl < :now', ExpressionAttributeNames: names, ExpressionAttributeValues: values, ExclusiveStartKey: start }),
        );
        for (const item of page.Items ?? []) {
          const key = { [spec.partitionKey]: item[spec.partitionKey] as AttributeValue, [spec.sortKey]: item[spec.sortKey] as AttributeValue };
          try {
            await this.client.send(
              new DeleteItemCommand({ TableName: name, Key: key, ConditionExpression: '#ttl < :now', ExpressionAttributeNames: names, ExpressionAttributeValues: values }),
            );
            deleted += 1;
          } catch (error) {
            if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
          }
        }
        start = page.LastEvaluatedKey;
      } while (start);
    }
    if (deleted) this.logger.debug({ deleted }, 'TTL sweeper deleted expired items');
    return deleted;
  }
}
