import { request } from 'node:http';
import { ExecuteStatementCommand, BatchExecuteStatementCommand, DescribeStatementCommand, GetStatementResultCommand } from '@aws-sdk/client-redshift-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGET, startWarehouse, waitUntilFinal, type Warehouse } from './warehouse-fixture.js';

let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await startWarehouse({ sampleRows: 0, enableTestFunctions: false });
}, 60_000);
afterAll(() => warehouse?.close());

interface RawResponse {
  status: number;
  errorType: string | undefined;
  body: Record<string, unknown>;
}

function post(target: string | undefined, body: string | Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/x-amz-json-1.1' };
    if (target) headers['x-amz-target'] = target;
    const req = request(`${warehouse.server.url}/`, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({
        status: res.statusCode ?? 0,
        errorType: res.headers['x-amzn-errortype'] as string | undefined,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function rejection(input: Record<string, unknown>, batch = false): Promise<{ name: string; message: string; status?: number }> {
  const command = batch
    ? new BatchExecuteStatementCommand(input as never)
    : new ExecuteStatementCommand(input as never);
  try {
    await warehouse.client.send(command as never);
  } catch (error) {
    const failure = error as { name: string; message: string; $metadata?: { httpStatusCode?: number } };
    return { name: failure.name, message: failure.message, status: failure.$metadata?.httpStatusCode };
  }
  throw new Error('the request was accepted');
}

describe('Redshift Data API stand-in: requests AWS rejects', { timeout: 60_000 }, () => {
  it('rejects a statement naming both a cluster and a workgroup, or neither', async () => {
    expect(await rejection({ Sql: 'SELECT 1', Database: 'dev', ClusterIdentifier: 'c1', WorkgroupName: 'wg1' }))
      .toMatchObject({ name: 'ValidationException', status: 400, message: expect.stringMatching(/ClusterIdentifier or WorkgroupName/) });
    expect(await rejection({ Sql: 'SELECT 1', Database: 'dev' })).toMatchObject({ name: 'ValidationException' });
  });

  it('rejects DbUser with a workgroup and DbUser together with SecretArn', async () => {
    expect(await rejection({ Sql: 'SELECT 1', Database: 'dev', WorkgroupName: 'wg1', DbUser: 'u' })).toMatchObject({ name: 'ValidationException' });
    expect(await rejection({ ...TARGET, Sql: 'SELECT 1', DbUser: 'u', SecretArn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:x' }))
      .toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/DbUser and SecretArn/) });
  });

  it('accepts a secret or a database user with a cluster, and a workgroup alone', async () => {
    for (const target of [
      { ...TARGET, SecretArn: 'arn:aws:secretsmanager:us-east-1:000000000000:secret:x' },
      { ...TARGET, DbUser: 'awsuser' },
      { WorkgroupName: 'redwire-wg', Database: 'dev' },
    ]) {
      const { Id } = await warehouse.client.send(new ExecuteStatementCommand({ ...target, Sql: 'SELECT 1' }));
      expect((await waitUntilFinal(warehouse.client, Id as string)).Status).toBe('FINISHED');
    }
  });

  it('rejects an invalid cluster identifier, SQL over 100 KB and an empty batch', async () => {
    expect(await rejection({ ...TARGET, ClusterIdentifier: 'Bad_Cluster', Sql: 'SELECT 1' })).toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/clusterIdentifier/) });
    expect(await rejection({ ...TARGET, Sql: `SELECT '${'x'.repeat(100 * 1024)}'` })).toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/100 KB/) });
    expect(await rejection({ ...TARGET, Sqls: [] }, true)).toMatchObject({ name: 'ValidationException' });
  });

  it('rejects parameters with a bad name, an empty value, a duplicate name or no use in the SQL', async () => {
    const sql = 'SELECT :month AS m';
    expect(await rejection({ ...TARGET, Sql: sql, Parameters: [{ name: 'mon-th', value: 'x' }] })).toMatchObject({ name: 'ValidationException' });
    expect(await rejection({ ...TARGET, Sql: sql, Parameters: [{ name: 'month', value: '' }] })).toMatchObject({ name: 'ValidationException' });
    expect(await rejection({ ...TARGET, Sql: sql, Parameters: [{ name: 'month', value: 'a' }, { name: 'month', value: 'b' }] })).toMatchObject({ name: 'ValidationException' });
    expect(await rejection({ ...TARGET, Sql: sql, Parameters: [{ name: 'month', value: 'a' }, { name: 'extra', value: 'b' }] }))
      .toMatchObject({ name: 'ValidationException', message: expect.stringMatching(/extra/) });
  });

  it('binds parameter values as strings that the SQL casts, never splicing them into the text', async () => {
    const { Id } = await warehouse.client.send(new ExecuteStatementCommand({
      ...TARGET,
      Sql: "SELECT :text AS text, :n::INT + 1 AS next, to_date(:month, 'YYYY-MM') AS first_day, ':not_a_param' AS literal",
      Parameters: [{ name: 'text', value: "x'); DROP TABLE t; --" }, { name: 'n', value: '41' }, { name: 'month', value: '2015-12' }],
    }));
    expect((await waitUntilFinal(warehouse.client, Id as string)).Status).toBe('FINISHED');
    const page = await warehouse.client.send(new GetStatementResultCommand({ Id }));
    expect(page.Records?.[0]).toEqual([
      { stringValue: "x'); DROP TABLE t; --" }, { longValue: 42 }, { stringValue: '2015-12-01' }, { stringValue: ':not_a_param' },
    ]);
  });

  it('sends int8 beyond 2^53 as exact digits on the wire', async () => {
    const { Id } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT CAST(9223372036854775807 AS BIGINT) AS big, 9007199254740991 AS safe' }));
    await waitUntilFinal(warehouse.client, Id as string);
    const text = await new Promise<string>((resolve, reject) => {
      const req = request(`${warehouse.server.url}/`, { method: 'POST', headers: { 'x-amz-target': 'RedshiftData.GetStatementResult' } }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve(body));
      });
      req.on('error', reject);
      req.end(JSON.stringify({ Id }));
    });
    expect(text).toContain('[{"longValue":9223372036854775807},{"longValue":9007199254740991}]');
  });

  it('answers malformed JSON, a non-object body and wrong-typed fields with SerializationException', async () => {
    expect(await post('RedshiftData.ExecuteStatement', '{"Sql": ')).toMatchObject({ status: 400, errorType: 'SerializationException', body: { __type: 'SerializationException' } });
    expect(await post('RedshiftData.ExecuteStatement', '[1,2]')).toMatchObject({ status: 400, errorType: 'SerializationException' });
    expect(await post('RedshiftData.ExecuteStatement', JSON.stringify({ ...TARGET, Sql: 42 }))).toMatchObject({ status: 400, errorType: 'SerializationException' });
    const missing = await post('RedshiftData.ExecuteStatement', JSON.stringify({ ...TARGET }));
    expect(missing).toMatchObject({ status: 400, errorType: 'ValidationException', body: { __type: 'ValidationException' } });
    expect(missing.body['message']).toBe(missing.body['Message']);
  });

  it('answers an unknown or missing target with UnknownOperationException', async () => {
    expect(await post('RedshiftData.DropEverything', '{}')).toMatchObject({ status: 400, errorType: 'UnknownOperationException' });
    expect(await post('RedshiftData.constructor', '{}')).toMatchObject({ status: 400, errorType: 'UnknownOperationException' });
    expect(await post(undefined, '{}')).toMatchObject({ status: 400, errorType: 'UnknownOperationException' });
  });

  it('refuses an oversize body with 413 and keeps serving', async () => {
    const huge = Buffer.alloc(6 * 1024 * 1024, 0x20);
    expect(await post('RedshiftData.ExecuteStatement', huge)).toMatchObject({ status: 413, body: { __type: 'RequestEntityTooLargeException' } });
    const { Id } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT 1' }));
    expect((await waitUntilFinal(warehouse.client, Id as string)).Status).toBe('FINISHED');
  });

  it('rejects a malformed statement id with ValidationException', async () => {
    await expect(warehouse.client.send(new DescribeStatementCommand({ Id: 'not-a-uuid' }))).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('has no redwire_sleep unless test functions are enabled', async () => {
    const { Id } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT redwire_sleep(1)' }));
    const described = await waitUntilFinal(warehouse.client, Id as string);
    expect(described.Status).toBe('FAILED');
    expect(described.Error).toMatch(/redwire_sleep/);
  });
});
