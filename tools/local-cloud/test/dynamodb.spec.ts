import { DescribeTableCommand, DynamoDBClient, GetItemCommand, PutItemCommand, QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { registryTable } from '@redwire/system';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTables, startDynamoDbThread } from '../src/dynamodb/dynamodb.js';
import { PortInUseError } from '../src/index.js';
import { startTestCloud, type TestCloud } from './support/test-cloud.js';

describe('DynamoDB (dynalite) with the tables of the topology', () => {
  let cloud: TestCloud;
  let dynamo: DynamoDBClient;
  const table = () => cloud.tableNames[0] as string;
  const put = (pk: string, extra: Record<string, { S: string } | { N: string }> = {}) =>
    dynamo.send(new PutItemCommand({ TableName: table(), Item: { pk: { S: pk }, sk: { S: 'meta' }, ...extra } }));
  const exists = async (pk: string) => Boolean((await dynamo.send(new GetItemCommand({ TableName: table(), Key: { pk: { S: pk }, sk: { S: 'meta' } } }))).Item);

  beforeAll(async () => {
    cloud = await startTestCloud();
    dynamo = new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb });
  });
  afterAll(async () => {
    dynamo.destroy();
    await cloud.dispose();
  });

  it('creates the registry table with its keys and global secondary indexes from libs/system', async () => {
    const { Table } = await dynamo.send(new DescribeTableCommand({ TableName: table() }));
    expect(table()).toBe('redwire-local-registry');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    const indexes = Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort();
    expect(indexes).toEqual(registryTable.globalSecondaryIndexes.map((i) => i.name).sort());
    expect(indexes).toEqual(expect.arrayContaining(['byConnection', 'byStatementId']));
  });

  it('serves queries on a GSI', async () => {
    await put('sub#1', { statementId: { S: 'stmt-1' } });
    const found = await dynamo.send(new QueryCommand({ TableName: table(), IndexName: 'byStatementId', KeyConditionExpression: 'statementId = :s', ExpressionAttributeValues: { ':s': { S: 'stmt-1' } } }));
    expect(found.Items?.map((i) => i['pk']?.S)).toEqual(['sub#1']);
  });

  it('sweeps items whose ttl has passed, and keeps future, missing and non-numeric ttls', async () => {
    const now = Math.floor(Date.now() / 1000);
    await put('expired', { ttl: { N: String(now - 5) } });
    await put('future', { ttl: { N: String(now + 3600) } });
    await put('no-ttl');
    await put('text-ttl', { ttl: { S: String(now - 5) } });
    const deleted = await cloud.sweepTtl();
    expect(deleted).toBe(1);
    expect(await exists('expired')).toBe(false);
    expect(await exists('future')).toBe(true);
    expect(await exists('no-ttl')).toBe(true);
    expect(await exists('text-ttl')).toBe(true);
  });

  it('answers bad requests with DynamoDB errors and keeps serving', async () => {
    await expect(dynamo.send(new GetItemCommand({ TableName: 'nope', Key: { pk: { S: 'x' }, sk: { S: 'y' } } }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    await expect(dynamo.send(new PutItemCommand({ TableName: table(), Item: { pk: { S: 'only-pk' } } }))).rejects.toMatchObject({ name: 'ValidationException' });
    expect((await dynamo.send(new ScanCommand({ TableName: table(), Limit: 1 }))).Count).toBe(1);
  });
});

describe('dynalite on its own thread', () => {
  it('keeps data across a close and a new thread on the same directory, and names the variable when the port is taken', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'redwire-dynalite-'));
    const spec = { ...registryTable, name: 'registry' };
    const client = (port: number) => new DynamoDBClient({ endpoint: `http://127.0.0.1:${port}`, region: 'us-east-1', credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    try {
      const first = await startDynamoDbThread(dir, 0, 'REDWIRE_DYNAMODB_PORT');
      const writer = client(first.port);
      const [name] = await ensureTables(writer, 'thread', [spec]);
      await writer.send(new PutItemCommand({ TableName: name, Item: { pk: { S: 'kept' }, sk: { S: 'meta' } } }));
      await expect(startDynamoDbThread(join(dir, 'other'), first.port, 'REDWIRE_DYNAMODB_PORT')).rejects.toThrow(PortInUseError);
      writer.destroy();
      await first.close();

      const second = await startDynamoDbThread(dir, 0, 'REDWIRE_DYNAMODB_PORT');
      const reader = client(second.port);
      const { Item } = await reader.send(new GetItemCommand({ TableName: name, Key: { pk: { S: 'kept' }, sk: { S: 'meta' } } }));
      expect(Item?.['pk']).toEqual({ S: 'kept' });
      reader.destroy();
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
