import type { StatementRecord } from './data-api/statement-record.js';
import type { StatusChangeEvent } from './types.js';

export interface EventIdentity {
  principal: string;
  region: string;
  accountId: string;
}

/** The "Redshift Data Statement Status Change" event for a statement in a final state. */
export function statusChangeEvent(record: StatementRecord, identity: EventIdentity, retentionMs: number): StatusChangeEvent {
  const { region, accountId } = identity;
  const resource = record.workgroupName
    ? `arn:aws:redshift-serverless:${region}:${accountId}:workgroup/${record.workgroupName}`
    : `arn:aws:redshift:${region}:${accountId}:cluster:${record.clusterIdentifier ?? ''}`;
  return {
    source: 'aws.redshift-data',
    'detail-type': 'Redshift Data Statement Status Change',
    time: new Date(record.updatedAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region,
    account: accountId,
    resources: [resource],
    detail: {
      principal: identity.principal,
      ...(record.statementName !== undefined ? { statementName: record.statementName } : {}),
      statementId: record.id,
      redshiftQueryId: record.redshiftQueryId,
      state: record.status as 'FINISHED' | 'FAILED' | 'ABORTED',
      rows: record.subStatements.reduce((total, sub) => total + Math.max(0, sub.resultRows), 0),
      expireAt: Math.floor((record.createdAt + retentionMs) / 1000),
    },
  };
}
