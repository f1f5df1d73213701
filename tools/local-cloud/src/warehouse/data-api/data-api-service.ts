import { randomUUID } from 'node:crypto';
import { notFound, validation } from './data-api-error.js';
import { integerField, STATEMENT_ID, stringField } from './request-fields.js';
import { csvPage, decodeToken, encodeToken, pageOf } from './result-pages.js';
import { isFinal, type StatementRecord, type StatementStatus, type SubStatementRecord } from './statement-record.js';
import type { StatementRunner } from './statement-runner.js';
import type { StatementStore } from './statement-store.js';
import { parseSubmitRequest, type SubmitRequest } from './submit-request.js';

type Body = Record<string, unknown>;
const seconds = (millis: number): number => millis / 1000;
const NO_RESULT = 'Query does not have result. Please check query status with DescribeStatement.';

/** The Redshift Data API operations over the statement store and runner. */
export class DataApiService {
  private nextQueryId: number;

  constructor(
    private readonly store: StatementStore,
    private readonly runner: StatementRunner,
  ) {
    this.nextQueryId = Math.max(100, ...store.all().map((record) => record.redshiftQueryId)) + 1;
  }

  readonly operations: Record<string, (body: Body) => Promise<unknown>> = {
    ExecuteStatement: (body) => this.submit(parseSubmitRequest(body, false)),
    BatchExecuteStatement: (body) => this.submit(parseSubmitRequest(body, true)),
    DescribeStatement: async (body) => this.describe(body),
    GetStatementResult: (body) => this.result(body, 'JSON'),
    GetStatementResultV2: (body) => this.result(body, 'CSV'),
    CancelStatement: async (body) => this.cancel(body),
    ListStatements: async (body) => this.list(body),
  };

  private async submit(request: SubmitRequest): Promise<Body> {
    const existing = request.clientToken ? this.store.findByClientToken(request.clientToken) : undefined;
    const record = existing ?? this.create(request);
    if (!existing) this.runner.start(record);
    if (request.waitTimeSeconds !== undefined) await this.runner.waitForFinal(record.id, request.waitTimeSeconds * 1000);
    return {
      Id: record.id,
      CreatedAt: seconds(record.createdAt),
      ClusterIdentifier: record.clusterIdentifier,
      WorkgroupName: record.workgroupName,
      Database: record.database,
      DbUser: record.dbUser,
      SecretArn: record.secretArn,
      DbGroups: [],
      ...(request.waitTimeSeconds !== undefined ? { Status: record.status } : {}),
    };
  }

  private create(request: SubmitRequest): StatementRecord {
    const id = randomUUID();
    const now = Date.now();
    const subStatements: SubStatementRecord[] = request.sqls.map((sql, index) => ({
      id: request.isBatch ? `${id}:${index + 1}` : id,
      queryString: sql,
      status: 'SUBMITTED',
      createdAt: now,
      updatedAt: now,
      duration: -1,
      resultRows: -1,
      resultSize: -1,
      hasResultSet: false,
      redshiftQueryId: this.nextQueryId++,
    }));
    const record: StatementRecord = {
      id,
      isBatch: request.isBatch,
      statementName: request.statementName,
      clusterIdentifier: request.clusterIdentifier,
      workgroupName: request.workgroupName,
      database: request.database,
      dbUser: request.dbUser ?? (request.secretArn ? undefined : request.clusterIdentifier ? 'IAM:redwire-statement-runner' : undefined),
      secretArn: request.secretArn,
      parameters: request.parameters,
      resultFormat: request.resultFormat,
      withEvent: request.withEvent,
      clientToken: request.clientToken,
      status: 'SUBMITTED',
      createdAt: now,
      updatedAt: now,
      duration: -1,
      redshiftPid: 1073741824 + Math.floor(Math.random() * 1000000),
      redshiftQueryId: subStatements[0]?.redshiftQueryId ?? -1,
      subStatements,
    };
    this.store.save(record);
    return record;
  }

  /** The statement and, for `uuid:n`, the sub-statement an id names. */
  private find(body: Body): { record: StatementRecord; sub?: SubStatementRecord; id: string } {
    const id = stringField(body, 'Id', { required: true, pattern: STATEMENT_ID }) as string;
    const [parentId, index] = id.split(':');
    const record = this.store.get(parentId as string);
    if (!record) throw notFound(`Query does not exist: ${id}`, id);
    if (index === undefined) return { record, id, sub: record.isBatch ? undefined : record.subStatements[0] };
    const sub = record.isBatch ? record.subStatements[Number(index) - 1] : undefined;
    if (!sub) throw notFound(`Query does not exist: ${id}`, id);
    return { record, sub, id };
  }

  private async describe(body: Body): Promise<Body> {
    const { record, sub, id } = this.find(body);
    const wait = integerField(body, 'WaitTimeSeconds', 1, 30);
    if (wait !== undefined) await this.runner.waitForFinal(record.id, wait * 1000);
    const single = id.includes(':') ? sub : undefined;
    const subs = record.subStatements;
    return {
      Id: id,
      ClusterIdentifier: record.clusterIdentifier,
      WorkgroupName: record.workgroupName,
      Database: record.database,
      DbUser: record.dbUser,
      SecretArn: record.secretArn,
      Status: single?.status ?? record.status,
      Error: single ? single.error : record.error,
      Duration: single?.duration ?? record.duration,
      CreatedAt: seconds(single?.createdAt ?? record.createdAt),
      UpdatedAt: seconds(single?.updatedAt ?? record.updatedAt),
      RedshiftPid: record.redshiftPid,
      RedshiftQueryId: single?.redshiftQueryId ?? record.redshiftQueryId,
      HasResultSet: single ? single.hasResultSet : subs.some((s) => s.hasResultSet),
      QueryString: single?.queryString ?? subs.map((s) => s.queryString).join('; '),
      ResultRows: single?.resultRows ?? (isFinal(record.status) ? subs.reduce((n, s) => n + Math.max(0, s.resultRows), 0) : -1),
      ResultSize: single?.resultSize ?? (isFinal(record.status) ? subs.reduce((n, s) => n + Math.max(0, s.resultSize), 0) : -1),
      QueryParameters: record.parameters,
      ResultFormat: record.resultFormat,
      ...(record.isBatch && !single ? { SubStatements: subs.map(subStatementData) } : {}),
    };
  }

  private async result(body: Body, format: 'JSON' | 'CSV'): Promise<Body> {
    const { record, sub, id } = this.find(body);
    const wait = integerField(body, 'WaitTimeSeconds', 1, 30);
    if (wait !== undefined) await this.runner.waitForFinal(record.id, wait * 1000);
    if (!sub) throw validation(`${id} is a batch; fetch each result with its sub-statement id, e.g. ${id}:1.`);
    if (record.resultFormat !== format) {
      throw validation(format === 'JSON'
        ? `Statement ${id} was run with ResultFormat CSV; use GetStatementResultV2.`
        : `Statement ${id} was run with ResultFormat JSON; use GetStatementResult.`);
    }
    if (sub.status !== 'FINISHED' || !sub.hasResultSet) throw notFound(NO_RESULT, id);
    const stored = await this.store.readResult(sub.id);
    const offset = decodeToken(stringField(body, 'NextToken'), id, stored.records.length);
    const page = pageOf(stored.records, offset);
    const nextToken = page.next === undefined ? undefined : encodeToken({ id, offset: page.next });
    const common = { ColumnMetadata: stored.columns, TotalNumRows: stored.records.length, NextToken: nextToken };
    if (format === 'JSON') return { Records: page.rows, ...common };
    return { Records: [{ CSVRecords: csvPage(stored.columns, page.rows, offset === 0) }], ResultFormat: 'CSV', ...common };
  }

  private cancel(body: Body): Body {
    const { record, id } = this.find(body);
    if (id.includes(':')) throw validation('Cancel a batch with its statement id, not a sub-statement id.');
    if (isFinal(record.status)) throw validation(`Could not cancel a query that is already in ${record.status} state.`);
    return { Status: this.runner.cancel(record.id) };
  }

  private list(body: Body): Body {
    const maxResults = integerField(body, 'MaxResults', 0, 100) || 100;
    const status = (stringField(body, 'Status', { oneOf: ['SUBMITTED', 'PICKED', 'STARTED', 'FINISHED', 'ABORTED', 'FAILED', 'ALL'] }) ?? 'FINISHED') as StatementStatus | 'ALL';
    const prefix = stringField(body, 'StatementName');
    const database = stringField(body, 'Database');
    const cluster = stringField(body, 'ClusterIdentifier');
    const workgroup = stringField(body, 'WorkgroupName');
    const matches = this.store
      .all()
      .filter((r) => status === 'ALL' || r.status === status)
      .filter((r) => prefix === undefined || (r.statementName ?? '').startsWith(prefix))
      .filter((r) => database === undefined || r.database === database)
      .filter((r) => cluster === undefined || r.clusterIdentifier === cluster)
      .filter((r) => workgroup === undefined || r.workgroupName === workgroup)
      .sort((a, b) => b.createdAt - a.createdAt || b.redshiftQueryId - a.redshiftQueryId);
    const offset = decodeToken(stringField(body, 'NextToken'), 'ListStatements', matches.length);
    const page = matches.slice(offset, offset + maxResults);
    const next = offset + page.length < matches.length ? encodeToken({ id: 'ListStatements', offset: offset + page.length }) : undefined;
    return { Statements: page.map(statementData), NextToken: next };
  }
}

function subStatementData(sub: SubStatementRecord): Body {
  return {
    Id: sub.id,
    Status: sub.status,
    Error: sub.error,
    Duration: sub.duration,
    CreatedAt: seconds(sub.createdAt),
    UpdatedAt: seconds(sub.updatedAt),
    QueryString: sub.queryString,
    ResultRows: sub.resultRows,
    ResultSize: sub.resultSize,
    RedshiftQueryId: sub.redshiftQueryId,
    HasResultSet: sub.hasResultSet,
  };
}

function statementData(record: StatementRecord): Body {
  return {
    Id: record.id,
    Status: record.status,
    StatementName: record.statementName,
    SecretArn: record.secretArn,
    CreatedAt: seconds(record.createdAt),
    UpdatedAt: seconds(record.updatedAt),
    QueryParameters: record.parameters,
    IsBatchStatement: record.isBatch,
    ResultFormat: record.resultFormat,
    ...(record.isBatch ? { QueryStrings: record.subStatements.map((s) => s.queryString) } : { QueryString: record.subStatements[0]?.queryString }),
  };
}
