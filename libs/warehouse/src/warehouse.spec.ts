import { afterEach, describe, expect, it } from 'vitest';
import { awsError, startFakeDataApi, type FakeOperation } from '../test/fake-data-api.js';
import { Warehouse } from './warehouse.js';

const STATEMENT = '8e5e8f3a-1111-4b2c-9d3e-000000000001';
const SECRET = 's'.repeat(40);
let close: (() => Promise<void>) | undefined;

afterEach(async () => {
  await close?.();
  close = undefined;
});

async function warehouseWith(operations: Record<string, FakeOperation>, pageLimits = { maxRows: 1000, maxBytes: 1024 * 1024 }) {
  const fake = await startFakeDataApi(operations);
  close = fake.close;
  const warehouse = new Warehouse({
    client: fake.client,
    target: { kind: 'cluster', clusterIdentifier: 'redwire', database: 'dev', credentials: { kind: 'db-user', dbUser: 'reports' } },
    cursorSecret: SECRET,
    pageLimits,
    now: () => new Date('2026-11-28T10:00:10.000Z'),
  });
  return { warehouse, requests: fake.requests };
}

const ok = (value: unknown) => () => ({ json: JSON.stringify(value) });

describe('Warehouse.execute', () => {
  it('sends the configured target, bound parameters, statement name, event flag and client token', async () => {
    const { warehouse, requests } = await warehouseWith({ ExecuteStatement: ok({ Id: STATEMENT }) });
    const result = await warehouse.execute({
      sql: 'select count(*) from trips where month = :month',
      parameters: { month: '2015-12' },
      statementName: 'redwire:trips-per-day:AAAAAAAAAAAAAAAAAAAAAA',
      clientToken: 'AAAAAAAAAAAAAAAAAAAAAA',
      withEvent: true,
    });
    expect(result).toEqual({ statementId: STATEMENT });
    expect(requests[0]?.input).toEqual({
      ClusterIdentifier: 'redwire',
      Database: 'dev',
      DbUser: 'reports',
      Sql: 'select count(*) from trips where month = :month',
      Parameters: [{ name: 'month', value: '2015-12' }],
      StatementName: 'redwire:trips-per-day:AAAAAAAAAAAAAAAAAAAAAA',
      WithEvent: true,
      ClientToken: 'AAAAAAAAAAAAAAAAAAAAAA',
    });
  });

  it('refuses bad parameters before anything reaches the warehouse', async () => {
    const { warehouse, requests } = await warehouseWith({ ExecuteStatement: ok({ Id: STATEMENT }) });
    await expect(warehouse.execute({ sql: 's', parameters: { 'x;drop': '1' }, statementName: 'n', withEvent: false })).rejects.toMatchObject({ code: 'invalid_params' });
    await expect(warehouse.execute({ sql: 's', parameters: { month: '' }, statementName: 'n', withEvent: false })).rejects.toMatchObject({ code: 'invalid_params' });
    expect(requests).toEqual([]);
  });

  it('maps the Data API exceptions to typed errors', async () => {
    let answer = awsError('ValidationException', 'Parameter month is not used');
    const { warehouse } = await warehouseWith({ ExecuteStatement: () => answer });
    const run = () => warehouse.execute({ sql: 's', statementName: 'n', withEvent: true });
    await expect(run()).rejects.toMatchObject({ name: 'WarehouseError', code: 'invalid_params' });
    answer = awsError('ActiveStatementsExceededException', 'too many');
    await expect(run()).rejects.toMatchObject({ code: 'too_many_statements' });
    answer = awsError('InternalServerException', 'boom', 500);
    await expect(run()).rejects.toMatchObject({ code: 'unavailable' });
    answer = awsError('AccessDeniedException', 'no');
    await expect(run()).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});

describe('Warehouse.describe and cancel', () => {
  it('maps Data API statuses to Redwire states with elapsed time, rows and errors', async () => {
    let status: Record<string, unknown> = {};
    const { warehouse } = await warehouseWith({ DescribeStatement: () => ({ json: JSON.stringify({ Id: STATEMENT, CreatedAt: 1795860000, ...status }) }) });
    status = { Status: 'STARTED', Duration: -1 };
    expect(await warehouse.describe(STATEMENT)).toMatchObject({ state: 'running', elapsedMs: 10_000, submittedAt: '2026-11-28T10:00:00.000Z' });
    status = { Status: 'PICKED' };
    expect((await warehouse.describe(STATEMENT)).state).toBe('submitted');
    status = { Status: 'FINISHED', Duration: 1_234_000_000, ResultRows: 31, HasResultSet: true };
    expect(await warehouse.describe(STATEMENT)).toEqual({
      statementId: STATEMENT, state: 'finished', submittedAt: '2026-11-28T10:00:00.000Z', elapsedMs: 1234, rowCount: 31, hasResultSet: true,
    });
    status = { Status: 'FAILED', Error: 'ERROR: relation "nope" does not exist', UpdatedAt: 1795860002 };
    expect(await warehouse.describe(STATEMENT)).toMatchObject({ state: 'failed', elapsedMs: 2000, error: { code: 'query_failed', message: 'ERROR: relation "nope" does not exist' } });
    status = { Status: 'ABORTED' };
    const aborted = await warehouse.describe(STATEMENT);
    expect(aborted.state).toBe('aborted');
    expect(aborted).not.toHaveProperty('rowCount');
  });

  it('reports an unknown statement as statement_not_found', async () => {
    const { warehouse } = await warehouseWith({ DescribeStatement: () => awsError('ResourceNotFoundException', 'Query does not exist') });
    await expect(warehouse.describe(STATEMENT)).rejects.toMatchObject({ code: 'statement_not_found' });
  });

  it('cancels, and says false when there is nothing left to cancel', async () => {
    let answer = ok({ Status: true })();
    const { warehouse, requests } = await warehouseWith({ CancelStatement: () => answer });
    expect(await warehouse.cancel(STATEMENT)).toBe(true);
    expect(requests[0]).toEqual({ operation: 'CancelStatement', input: { Id: STATEMENT } });
    answer = awsError('ValidationException', 'Could not cancel a query that is already in FINISHED state');
    expect(await warehouse.cancel(STATEMENT)).toBe(false);
    answer = awsError('ResourceNotFoundException', 'Query does not exist');
    await expect(warehouse.cancel(STATEMENT)).rejects.toMatchObject({ code: 'statement_not_found' });
  });
});
