import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { Connections } from './connections.repository.js';
import { RunningSlots } from './running-slots.repository.js';
import { Subscriptions } from './subscriptions.repository.js';

export interface ConnectionRegistryOptions {
  /** A document client (`dynamoDbDocumentClient()` from @redwire/config in handlers). */
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Statements a user may have running at once (REDWIRE_MAX_RUNNING_PER_USER, default 5). */
  readonly maxRunningPerUser?: number;
  readonly now?: () => Date;
}

export interface ConnectionRegistry {
  readonly connections: Connections;
  readonly subscriptions: Subscriptions;
  readonly slots: RunningSlots;
}

/** The registry over one DynamoDB table laid out as `table-layout.ts` describes. */
export function createConnectionRegistry(options: ConnectionRegistryOptions): ConnectionRegistry {
  const context = { client: options.client, tableName: options.tableName, now: options.now ?? (() => new Date()) };
  const slots: RunningSlots = new RunningSlots(context, options.maxRunningPerUser ?? 5, (key) => subscriptions.get(key));
  const subscriptions: Subscriptions = new Subscriptions(context, slots);
  return { connections: new Connections(context), subscriptions, slots };
}
