import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Subscription } from './model.js';
import type { RegistryContext } from './registry-context.js';
import { requireText } from './registry-error.js';
import { INDEX, SK, SWEEP, subscriptionKey } from './table-layout.js';

/** Reads of subscriptions: by key (strongly consistent), by statement id and by connection (GSIs). */
export class SubscriptionReads {
  constructor(protected readonly context: RegistryContext) {}

  /** The subscription under `key` (the last part of the statement name), read strongly consistent. */
  async get(key: string): Promise<Subscription | undefined> {
    requireText(key, 'key');
    const { Item } = await this.context.client.send(
      new GetCommand({ TableName: this.context.tableName, Key: subscriptionKey(key), ConsistentRead: true }),
    );
    return Item ? toSubscription(Item) : undefined;
  }

  /** By Data API statement id (GSI, eventually consistent: use {@link get} on notify's path). */
  async getByStatementId(statementId: string): Promise<Subscription | undefined> {
    requireText(statementId, 'statementId');
    const [first] = await this.query({
      IndexName: INDEX.byStatementId,
      KeyConditionExpression: 'statementId = :id',
      ExpressionAttributeValues: { ':id': statementId },
    });
    return first;
  }

  /** Every subscription made on a connection (GSI query, no Scan). */
  async listByConnection(connectionId: string): Promise<Subscription[]> {
    requireText(connectionId, 'connectionId');
    return this.query({
      IndexName: INDEX.byConnection,
      KeyConditionExpression: 'connectionId = :c AND sk = :sk',
      ExpressionAttributeValues: { ':c': connectionId, ':sk': SK.subscription },
    });
  }

  /** Open (pending/running) subscriptions created before `before`, oldest first: candidates for a lost event. */
  async listOpenCreatedBefore(before: Date, limit = 100): Promise<Subscription[]> {
    return this.sweepQuery(SWEEP.open, before, limit);
  }

  /** Open subscriptions whose connection went away before `before`, oldest first: abandoned statements. */
  async listOrphanedBefore(before: Date, limit = 100): Promise<Subscription[]> {
    return this.sweepQuery(SWEEP.orphaned, before, limit);
  }

  private sweepQuery(sweep: string, before: Date, limit: number): Promise<Subscription[]> {
    return this.query(
      {
        IndexName: INDEX.bySweep,
        KeyConditionExpression: 'sweep = :sweep AND sweepAt < :before',
        ExpressionAttributeValues: { ':sweep': sweep, ':before': before.toISOString() },
      },
      limit,
    );
  }

  protected async query(input: Omit<QueryCommandInput, 'TableName'>, limit = Number.POSITIVE_INFINITY): Promise<Subscription[]> {
    const found: Subscription[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.context.client.send(
        new QueryCommand({
          ...input,
          TableName: this.context.tableName,
          ExclusiveStartKey: start,
          ...(Number.isFinite(limit) ? { Limit: limit - found.length } : {}),
        }),
      );
      for (const item of page.Items ?? []) if (found.length < limit) found.push(toSubscription(item));
      start = page.LastEvaluatedKey;
    } while (start && found.length < limit);
    return found;
  }
}

const INTERNAL_ATTRIBUTES = new Set(['pk', 'sk', 'entity', 'sweep', 'sweepAt']);

export function toSubscription(item: Record<string, unknown>): Subscription {
  return Object.fromEntries(Object.entries(item).filter(([name]) => !INTERNAL_ATTRIBUTES.has(name))) as unknown as Subscription;
}
