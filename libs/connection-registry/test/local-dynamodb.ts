import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import dynalite from 'dynalite';
import { createTableInput } from '../src/table-layout.js';

export interface LocalDynamoDb {
  readonly client: DynamoDBDocumentClient;
  /** A fresh registry table (each call gives another, so tests do not share state). */
  createRegistryTable(): Promise<string>;
  close(): Promise<void>;
}

/** Real dynalite, in-process on an ephemeral 127.0.0.1 port, with the real SDK client in front. */
export async function startLocalDynamoDb(): Promise<LocalDynamoDb> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const raw = new DynamoDBClient({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const client = DynamoDBDocumentClient.from(raw, { marshallOptions: { removeUndefinedValues: true } });
  return {
    client,
    async createRegistryTable() {
      const tableName = `registry-${randomUUID().slice(0, 8)}`;
      await raw.send(new CreateTableCommand(createTableInput(tableName)));
      for (let i = 0; i < 50; i += 1) {
        const { Table } = await raw.send(new DescribeTableCommand({ TableName: tableName }));
        if (Table?.TableStatus === 'ACTIVE') return tableName;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`table ${tableName} did not become ACTIVE`);
    },
    async close() {
      raw.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
