import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBClient,
  ResourceInUseException,
  ScanCommand,
  type AttributeValue,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import type { Logger } from 'pino';
import type { TableSpec } from '@redwire/system';

/** A DynamoDB table name for a logical table: `<prefix>-<name>`. */
export const physicalTableName = (prefix: string, table: TableSpec) => `${prefix}-${table.name}`;

/** dynalite persisted in `dir` (LevelDB). Tables stay ACTIVE at once. */
export function createDynamoDbServer(dir: string): Server {
  mkdirSync(dir, { recursive: true });
  return dynalite({ path: dir, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
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
    names.push(name);
  }
  return names;
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
