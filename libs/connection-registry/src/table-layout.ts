import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { registryTable, type TableSpec } from '@redwire/system';

/**
 * Item layout on the registry table (`pk`/`sk`, GSIs from libs/system):
 *
 * | item         | pk                    | sk             | indexed by                                   |
 * |--------------|-----------------------|----------------|----------------------------------------------|
 * | connection   | `connection#<id>`     | `connection`   | byConnection (connectionId)                  |
 * | subscription | `subscription#<key>`  | `subscription` | byStatementId, byConnection, bySweep (sparse)|
 * | user slots   | `user#<userId>`       | `slots`        | —                                            |
 */
export const SK = { connection: 'connection', subscription: 'subscription', slots: 'slots' } as const;

export const INDEX = {
  byStatementId: indexName('statementId'),
  byConnection: indexName('connectionId'),
  bySweep: indexName('sweep'),
} as const;

/** Values of the sparse `sweep` attribute: only subscriptions that are not final carry one. */
export const SWEEP = { open: 'open', orphaned: 'orphaned' } as const;

export function connectionKey(connectionId: string) {
  return { pk: `connection#${connectionId}`, sk: SK.connection };
}

export function subscriptionKey(key: string) {
  return { pk: `subscription#${key}`, sk: SK.subscription };
}

export function slotsKey(userId: string) {
  return { pk: `user#${userId}`, sk: SK.slots };
}

function indexName(partitionKey: string): string {
  const index = registryTable.globalSecondaryIndexes.find((i) => i.partitionKey === partitionKey);
  if (!index) throw new Error(`registry table has no index on ${partitionKey}`);
  return index.name;
}

/**
 * CreateTable input for the registry (local stand-ins and tests; infra builds its own from the same spec).
 * Every index projects ALL attributes: readers get whole items without a second GetItem.
 */
export function createTableInput(tableName: string, spec: TableSpec = registryTable): CreateTableCommandInput {
  const attributes = new Set([spec.partitionKey, spec.sortKey]);
  for (const index of spec.globalSecondaryIndexes) {
    attributes.add(index.partitionKey);
    if (index.sortKey) attributes.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: spec.partitionKey, KeyType: 'HASH' },
      { AttributeName: spec.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: spec.globalSecondaryIndexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
        ...(index.sortKey ? [{ AttributeName: index.sortKey, KeyType: 'RANGE' as const }] : []),
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
