import { DynamodbTable } from '@cdktf/provider-aws/lib/dynamodb-table';
import { registryTable } from '@redwire/system';
import type { RedwireStack } from '../shared/redwire-stack.js';

/** The registry table of libs/system: on demand, TTL, its GSIs, point-in-time recovery, encryption. */
export function registryDynamoTable(stack: RedwireStack): { table: DynamodbTable; indexArns: string[] } {
  const keys = new Set<string>([registryTable.partitionKey, registryTable.sortKey]);
  for (const index of registryTable.globalSecondaryIndexes) {
    keys.add(index.partitionKey);
    if (index.sortKey) keys.add(index.sortKey);
  }
  const table = new DynamodbTable(stack, 'registry_table', {
    name: stack.name(registryTable.name),
    billingMode: 'PAY_PER_REQUEST',
    hashKey: registryTable.partitionKey,
    rangeKey: registryTable.sortKey,
    attribute: [...keys].map((name) => ({ name, type: 'S' })),
    globalSecondaryIndex: registryTable.globalSecondaryIndexes.map((index) => ({
      name: index.name,
      hashKey: index.partitionKey,
      ...(index.sortKey ? { rangeKey: index.sortKey } : {}),
      projectionType: 'ALL',
    })),
    ttl: { attributeName: registryTable.ttlAttribute, enabled: true },
    pointInTimeRecovery: { enabled: true },
    serverSideEncryption: { enabled: true },
  });
  return { table, indexArns: registryTable.globalSecondaryIndexes.map((index) => `${table.arn}/index/${index.name}`) };
}
