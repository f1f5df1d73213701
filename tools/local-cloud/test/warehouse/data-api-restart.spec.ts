import { ExecuteStatementCommand, DescribeStatementCommand, GetStatementResultCommand } from '@aws-sdk/client-redshift-data';
import { afterEach, describe, expect, it } from 'vitest';
import { TARGET, startWarehouse, waitUntilFinal, type Warehouse } from './warehouse-fixture.js';

let warehouse: Warehouse | undefined;
afterEach(() => warehouse?.close());

describe('Redshift Data API stand-in across restarts', { timeout: 60_000 }, () => {
  it('keeps statements, results and loaded sample data across a restart', async () => {
    warehouse = await startWarehouse({ sampleRows: 5_000 });
    const { Id } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT count(*) AS trips FROM nyc_yellow_taxi', StatementName: 'before-restart' }));
    await waitUntilFinal(warehouse.client, Id as string);
    const { Id: running } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT redwire_sleep(60000)' }));
    await warehouse.restart();
    expect(warehouse.server.sampleData).toMatchObject({ rows: 5_000, generated: false });
    const described = await warehouse.client.send(new DescribeStatementCommand({ Id }));
    expect(described).toMatchObject({ Status: 'FINISHED', ResultRows: 1, QueryString: 'SELECT count(*) AS trips FROM nyc_yellow_taxi' });
    const page = await warehouse.client.send(new GetStatementResultCommand({ Id }));
    expect(page.Records).toEqual([[{ longValue: 5_000 }]]);
    expect((await warehouse.client.send(new DescribeStatementCommand({ Id: running }))).Status).toBe('ABORTED');
  });

  it('forgets statements once the retention period has passed', async () => {
    warehouse = await startWarehouse({ sampleRows: 0, resultRetentionMs: 1_500 });
    const { Id } = await warehouse.client.send(new ExecuteStatementCommand({ ...TARGET, Sql: 'SELECT 1' }));
    await waitUntilFinal(warehouse.client, Id as string);
    await new Promise((resolve) => setTimeout(resolve, 1_600));
    await expect(warehouse.client.send(new GetStatementResultCommand({ Id }))).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
