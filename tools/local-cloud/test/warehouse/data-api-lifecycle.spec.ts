import { CancelStatementCommand, DescribeStatementCommand, ExecuteStatementCommand, GetStatementResultCommand } from '@aws-sdk/client-redshift-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TARGET, startWarehouse, waitUntilFinal, type Warehouse } from './warehouse-fixture.js';

let warehouse: Warehouse;
beforeAll(async () => {
  warehouse = await startWarehouse({ sampleRows: 0, maxConcurrentStatements: 1 });
}, 60_000);
afterAll(() => warehouse?.close());

describe('statement lifecycle with a full connection pool', { timeout: 60_000 }, () => {
  it('keeps a statement SUBMITTED while every connection is busy, then runs it once one frees up', async () => {
    const { Id: busy } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT redwire_sleep(120000)' }));
    const { Id: waiting } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT 1 AS one' }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await warehouse.client.send(new DescribeStatementCommand({ Id: waiting }))).Status).toBe('SUBMITTED');
    expect((await warehouse.client.send(new DescribeStatementCommand({ Id: busy }))).Status).toMatch(/PICKED|STARTED/);
    const seen: string[] = ['SUBMITTED'];
    await warehouse.client.send(new CancelStatementCommand({ Id: busy }));
    expect((await waitUntilFinal(warehouse.client, busy as string)).Status).toBe('ABORTED');
    expect((await waitUntilFinal(warehouse.client, waiting as string, seen)).Status).toBe('FINISHED');
    expect(seen.at(-1)).toBe('FINISHED');
  });

  it('aborts a statement cancelled before it was picked, without running it', async () => {
    const { Id: busy } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT redwire_sleep(120000)' }));
    const { Id: queued } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'CREATE TABLE never_created (n INT)' }));
    expect((await warehouse.client.send(new CancelStatementCommand({ Id: queued }))).Status).toBe(true);
    await warehouse.client.send(new CancelStatementCommand({ Id: busy }));
    expect((await waitUntilFinal(warehouse.client, queued as string)).Status).toBe('ABORTED');
    const { Id: check } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: "SELECT count(*) FROM information_schema.tables WHERE table_name = 'never_created'" }));
    await waitUntilFinal(warehouse.client, check as string);
    expect((await warehouse.client.send(new GetStatementResultCommand({ Id: check }))).Records).toEqual([[{ longValue: 0 }]]);
  });
});
