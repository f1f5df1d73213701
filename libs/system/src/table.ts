/** DynamoDB table and indexes (connection-registry owns the item layout). */
export interface TableSpec {
  /** Logical name; infra and the local cloud add a deployment prefix. */
  readonly name: string;
  readonly partitionKey: string;
  readonly sortKey: string;
  readonly ttlAttribute: string;
  readonly globalSecondaryIndexes: readonly {
    readonly name: string;
    readonly partitionKey: string;
    readonly sortKey?: string;
  }[];
}

export const registryTable: TableSpec = {
  name: 'registry',
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'ttl',
  globalSecondaryIndexes: [
    { name: 'byStatementId', partitionKey: 'statementId' },
    { name: 'byConnection', partitionKey: 'connectionId', sortKey: 'sk' },
    /**
     * Sparse: only subscriptions not yet final carry `sweep` (`open` | `orphaned`) and `sweepAt`
     * (created-at, or orphaned-since), so the sweeper queries stuck or abandoned work without a Scan.
     */
    { name: 'bySweep', partitionKey: 'sweep', sortKey: 'sweepAt' },
  ],
};
