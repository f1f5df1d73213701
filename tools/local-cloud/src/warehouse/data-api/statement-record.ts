import type { ColumnMetadata, Field } from '../results/redshift-columns.js';

export type StatementStatus = 'SUBMITTED' | 'PICKED' | 'STARTED' | 'FINISHED' | 'FAILED' | 'ABORTED';
export const FINAL_STATUSES: readonly StatementStatus[] = ['FINISHED', 'FAILED', 'ABORTED'];

export interface SqlParameter {
  name: string;
  value: string;
}

/** One SQL statement of a submission (a plain ExecuteStatement has exactly one). */
export interface SubStatementRecord {
  /** `<uuid>:<n>` for batches, the statement id otherwise. */
  id: string;
  queryString: string;
  status: StatementStatus;
  error?: string;
  createdAt: number;
  updatedAt: number;
  /** Nanoseconds, -1 until it ran. */
  duration: number;
  resultRows: number;
  resultSize: number;
  hasResultSet: boolean;
  redshiftQueryId: number;
}

/** Everything the stand-in keeps about a submission; persisted as JSON in the state directory. */
export interface StatementRecord {
  id: string;
  isBatch: boolean;
  statementName?: string;
  clusterIdentifier?: string;
  workgroupName?: string;
  database?: string;
  dbUser?: string;
  secretArn?: string;
  parameters?: SqlParameter[];
  resultFormat: 'JSON' | 'CSV';
  withEvent: boolean;
  clientToken?: string;
  status: StatementStatus;
  error?: string;
  createdAt: number;
  updatedAt: number;
  duration: number;
  redshiftPid: number;
  redshiftQueryId: number;
  subStatements: SubStatementRecord[];
}

export interface StoredResult {
  columns: ColumnMetadata[];
  records: Field[][];
}

export function isFinal(status: StatementStatus): boolean {
  return FINAL_STATUSES.includes(status);
}
