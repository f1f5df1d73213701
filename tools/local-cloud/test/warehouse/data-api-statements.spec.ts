import {
  BatchExecuteStatementCommand, CancelStatementCommand, DescribeStatementCommand, ExecuteStatementCommand,
  GetStatementResultCommand, GetStatementResultV2Command, ListStatementsCommand, type Field,
} from '@aws-sdk/client-redshift-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_ROWS, TARGET, startWarehouse, waitUntilFinal, type Warehouse } from './warehouse-fixture.js';

let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await startWarehouse();
}, 60_000);
afterAll(() => warehouse?.close());

async function run(sql: string, extra: Record<string, unknown> = {}) {
  const { Id } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: sql, ...extra }));
  const described = await waitUntilFinal(warehouse.client, Id as string);
  return { id: Id as string, described };
}

async function allRecords(id: string): Promise<{ records: Field[][]; pages: number }> {
  const records: Field[][] = [];
  let pages = 0;
  let token: string | undefined;
  do {
    const page = await warehouse.client.send(new GetStatementResultCommand({ Id: id, NextToken: token }));
    records.push(...(page.Records ?? []));
    pages += 1;
    token = page.NextToken;
  } while (token);
  return { records, pages };
}

describe('Redshift Data API stand-in with the AWS SDK', { timeout: 60_000 }, () => {
  it('generated the sample table with the requested number of rows', async () => {
    expect(warehouse.server.sampleData).toMatchObject({ table: 'nyc_yellow_taxi', rows: SAMPLE_ROWS, generated: true });
    const { id } = await run('SELECT count(*) AS trips, count(DISTINCT pickup_date) AS days FROM nyc_yellow_taxi');
    const page = await warehouse.client.send(new GetStatementResultCommand({ Id: id }));
    expect(page.Records).toEqual([[{ longValue: SAMPLE_ROWS }, { longValue: 365 }]]);
  });

  it('answers the sample report for December 2015 with the numbers plain SQL gives', async () => {
    const redshiftSql = `SELECT pickup_date as trip_date,
         round(sum(datediff(minutes, pickup_datetime, dropoff_datetime))/60,2) total_hours,
         round(sum(trip_distance)) total_distance, round(sum(fare_amount)) total_fare
    FROM nyc_yellow_taxi
   WHERE pickup_date BETWEEN to_date(:trip_month,'MonthYYYY') AND last_day(to_date(:trip_month,'MonthYYYY'))
GROUP BY 1 ORDER BY 1`;
    const plainSql = `SELECT pickup_date AS trip_date,
         CAST(sum(date_diff('minute', pickup_datetime, dropoff_datetime)) // 60 AS BIGINT) AS total_hours,
         round(sum(trip_distance)) AS total_distance, round(sum(fare_amount)) AS total_fare
    FROM nyc_yellow_taxi WHERE pickup_date >= DATE '2015-12-01' AND pickup_date < DATE '2016-01-01'
GROUP BY 1 ORDER BY 1`;
    const shimmed = await run(redshiftSql, { Parameters: [{ name: 'trip_month', value: 'December 2015' }] });
    const plain = await run(plainSql);
    expect(shimmed.described.Status).toBe('FINISHED');
    const shimmedRows = (await allRecords(shimmed.id)).records;
    expect(shimmedRows).toHaveLength(31);
    expect(shimmedRows[0]?.[0]).toEqual({ stringValue: '2015-12-01' });
    expect(shimmedRows[30]?.[0]).toEqual({ stringValue: '2015-12-31' });
    expect(shimmedRows).toEqual((await allRecords(plain.id)).records);
    expect(shimmed.described.QueryParameters).toEqual([{ name: 'trip_month', value: 'December 2015' }]);
  });

  it('moves a statement from SUBMITTED through STARTED to FINISHED and describes it fully', async () => {
    const { Id } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT redwire_sleep(300) AS slept' }));
    const seen: string[] = [];
    const described = await waitUntilFinal(warehouse.client, Id as string, seen);
    expect(seen[0]).toMatch(/SUBMITTED|PICKED|STARTED/);
    expect(seen).toContain('STARTED');
    expect(seen.at(-1)).toBe('FINISHED');
    expect(described).toMatchObject({
      Id, Status: 'FINISHED', HasResultSet: true, ResultRows: 1, QueryString: 'SELECT redwire_sleep(300) AS slept',
      ClusterIdentifier: 'redwire-local', Database: 'dev', ResultFormat: 'JSON',
    });
    expect(described.Duration).toBeGreaterThan(0);
    expect(described.ResultSize).toBeGreaterThan(0);
    expect(described.CreatedAt).toBeInstanceOf(Date);
    expect(described.UpdatedAt?.getTime()).toBeGreaterThanOrEqual(described.CreatedAt?.getTime() ?? Infinity);
  });

  it('gives each column type Redshift\'s field kind and type name', async () => {
    const { id } = await run(`SELECT 1::SMALLINT AS s, 2::INTEGER AS i, 3::BIGINT AS b, 1.5::REAL AS r,
      2.25::DOUBLE PRECISION AS d, 12.34::NUMERIC(10,2) AS n, true AS t, DATE '2015-12-01' AS day,
      TIMESTAMP '2015-12-01 10:11:12' AS ts, 'text' AS v, NULL::VARCHAR AS nothing`);
    const page = await warehouse.client.send(new GetStatementResultCommand({ Id: id }));
    expect(page.Records?.[0]).toEqual([
      { longValue: 1 }, { longValue: 2 }, { longValue: 3 }, { doubleValue: 1.5 }, { doubleValue: 2.25 },
      { stringValue: '12.34' }, { booleanValue: true }, { stringValue: '2015-12-01' },
      { stringValue: '2015-12-01 10:11:12' }, { stringValue: 'text' }, { isNull: true },
    ]);
    expect(page.ColumnMetadata?.map((column) => column.typeName)).toEqual(
      ['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'bool', 'date', 'timestamp', 'varchar', 'varchar'],
    );
    expect(page.ColumnMetadata?.[5]).toMatchObject({ name: 'n', label: 'n', precision: 10, scale: 2 });
  });

  it('pages a 5,000-row result with NextToken, every row exactly once', async () => {
    const { id } = await run("SELECT x AS n, 'row ' || x AS label FROM range(5000) t(x) ORDER BY x");
    const { records, pages } = await allRecords(id);
    expect(pages).toBeGreaterThan(1);
    expect(records.map((row) => row[0]?.longValue)).toEqual(Array.from({ length: 5000 }, (_, n) => n));
    const first = await warehouse.client.send(new GetStatementResultCommand({ Id: id }));
    expect(first.TotalNumRows).toBe(5000);
    await expect(warehouse.client.send(new GetStatementResultCommand({ Id: id, NextToken: 'forged' }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('returns CSV pages through GetStatementResultV2 for a CSV statement, and refuses the JSON call', async () => {
    const { id } = await run("SELECT x AS n, 'a,\"b' AS quoted, NULL AS nothing FROM range(3) t(x) ORDER BY x", { ResultFormat: 'CSV' });
    const page = await warehouse.client.send(new GetStatementResultV2Command({ Id: id }));
    expect(page.ResultFormat).toBe('CSV');
    expect(page.TotalNumRows).toBe(3);
    expect(page.Records?.[0]?.CSVRecords).toBe('n,quoted,nothing\n0,"a,""b",\n1,"a,""b",\n2,"a,""b",\n');
    await expect(warehouse.client.send(new GetStatementResultCommand({ Id: id }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('runs a batch as one transaction: a failure rolls back the earlier statements', async () => {
    const ok = await warehouse.client.send(new BatchExecuteStatementCommand({
      ...TARGET, Sqls: ['CREATE TABLE batch_ok (n INT) DISTSTYLE EVEN', 'INSERT INTO batch_ok VALUES (1), (2)', 'SELECT sum(n) AS total FROM batch_ok'],
    }));
    const okDescribed = await waitUntilFinal(warehouse.client, ok.Id as string);
    expect(okDescribed.Status).toBe('FINISHED');
    expect(okDescribed.SubStatements?.map((sub) => [sub.Id, sub.Status])).toEqual([
      [`${ok.Id}:1`, 'FINISHED'], [`${ok.Id}:2`, 'FINISHED'], [`${ok.Id}:3`, 'FINISHED'],
    ]);
    const sum = await warehouse.client.send(new GetStatementResultCommand({ Id: `${ok.Id}:3` }));
    expect(sum.Records).toEqual([[{ longValue: 3 }]]);

    const failing = await warehouse.client.send(new BatchExecuteStatementCommand({
      ...TARGET, Sqls: ['CREATE TABLE batch_rolled_back (n INT)', 'SELECT no_such_column FROM batch_rolled_back', 'SELECT 1'],
    }));
    const failed = await waitUntilFinal(warehouse.client, failing.Id as string);
    expect(failed.Status).toBe('FAILED');
    expect(failed.SubStatements?.map((sub) => sub.Status)).toEqual(['FINISHED', 'FAILED', 'ABORTED']);
    const check = await run("SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'batch_rolled_back'");
    expect((await allRecords(check.id)).records).toEqual([[{ longValue: 0 }]]);
  });

  it('returns the same statement for a resubmission with the same ClientToken, and a new one for another token', async () => {
    const submit = (token: string, seq: string) =>
      warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT :seq::int8 AS seq', Parameters: [{ name: 'seq', value: seq }], ClientToken: token }));
    const first = await submit('token-a', '1');
    const again = await submit('token-a', '2');
    const other = await submit('token-b', '3');
    expect(again.Id).toBe(first.Id);
    expect(other.Id).not.toBe(first.Id);
    await waitUntilFinal(warehouse.client, first.Id as string);
    await waitUntilFinal(warehouse.client, other.Id as string);
    expect((await warehouse.client.send(new GetStatementResultCommand({ Id: first.Id }))).Records).toEqual([[{ longValue: 1 }]]);
    expect((await warehouse.client.send(new GetStatementResultCommand({ Id: other.Id }))).Records).toEqual([[{ longValue: 3 }]]);
  });

  it('accepts a statement with an SQL error and reports it FAILED with the message', async () => {
    const { id, described } = await run('SELECT * FROM no_such_table');
    expect(described.Status).toBe('FAILED');
    expect(described.Error).toMatch(/no_such_table/);
    await expect(warehouse.client.send(new GetStatementResultCommand({ Id: id }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('cancels a long query, which ends ABORTED, while other statements keep running', async () => {
    const { Id } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT redwire_sleep(120000)' }));
    await waitForStatus(Id as string, 'STARTED');
    const quick = await run('SELECT 42 AS answer');
    expect(quick.described.Status).toBe('FINISHED');
    const started = Date.now();
    const cancelled = await warehouse.client.send(new CancelStatementCommand({ Id }));
    expect(cancelled.Status).toBe(true);
    const described = await waitUntilFinal(warehouse.client, Id as string);
    expect(described.Status).toBe('ABORTED');
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(warehouse.client.send(new CancelStatementCommand({ Id }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('emits a status-change event exactly for statements submitted WithEvent', async () => {
    const before = warehouse.events.length;
    const withEvent = await run('SELECT 1 AS one', { WithEvent: true, StatementName: 'redwire:test:with-event' });
    const failed = await run('SELECT broken FROM nowhere', { WithEvent: true, StatementName: 'redwire:test:failed' });
    await run('SELECT 2 AS two', { WithEvent: false, StatementName: 'redwire:test:no-event' });
    await run('SELECT 3 AS three');
    const emitted = warehouse.events.slice(before);
    expect(emitted.map((event) => [event.detail.statementId, event.detail.state])).toEqual([
      [withEvent.id, 'FINISHED'], [failed.id, 'FAILED'],
    ]);
    expect(emitted[0]).toMatchObject({
      source: 'aws.redshift-data', 'detail-type': 'Redshift Data Statement Status Change', account: '000000000000',
      detail: { statementName: 'redwire:test:with-event', rows: 1, principal: warehouse.server.principal },
    });
    expect(emitted[0]?.detail.expireAt).toBeGreaterThan(Date.now() / 1000 + 23 * 3600);
  });

  it('lists statements newest first, finished ones by default, filtered by name prefix', async () => {
    await run('SELECT 1', { StatementName: 'list-test:a' });
    await run('SELECT broken', { StatementName: 'list-test:b' });
    const finished = await warehouse.client.send(new ListStatementsCommand({ StatementName: 'list-test:' }));
    expect(finished.Statements?.map((s) => [s.StatementName, s.Status])).toEqual([['list-test:a', 'FINISHED']]);
    const all = await warehouse.client.send(new ListStatementsCommand({ StatementName: 'list-test:', Status: 'ALL' }));
    expect(all.Statements?.map((s) => s.StatementName)).toEqual(['list-test:b', 'list-test:a']);
    const paged = await warehouse.client.send(new ListStatementsCommand({ Status: 'ALL', MaxResults: 1 }));
    expect(paged.Statements).toHaveLength(1);
    expect(paged.NextToken).toBeDefined();
  });

  it('describes an unknown statement id as ResourceNotFoundException', async () => {
    await expect(
      warehouse.client.send(new DescribeStatementCommand({ Id: '00000000-0000-0000-0000-000000000000' })),
    ).rejects.toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
  });
});

async function waitForStatus(id: string, status: string): Promise<void> {
  for (let attempt = 0; attempt < 1000; attempt += 1) {
    const described = await warehouse.client.send(new DescribeStatementCommand({ Id: id }));
    if (described.Status === status) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`statement never reached ${status}`);
}
