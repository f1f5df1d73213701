import { DescribeStatementCommand, ExecuteStatementCommand, RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearRecorded, eventually, recorded } from './fixtures/recorder.js';
import { startTestCloud, type TestCloud } from './support/test-cloud.js';

describe('warehouse wired into the local cloud', () => {
  let cloud: TestCloud;
  let data: RedshiftDataClient;

  beforeAll(async () => {
    cloud = await startTestCloud({ warehouse: true, sampleRows: 2000 });
    // Handlers reach the Data API through AWS_ENDPOINT_URL_REDSHIFT_DATA, which the local cloud sets.
    data = new RedshiftDataClient({});
  });
  afterAll(async () => {
    data.destroy();
    await cloud.dispose();
  });

  it('serves the Data API at the endpoint it publishes, also through AWS_ENDPOINT_URL_REDSHIFT_DATA', () => {
    expect(cloud.warehouse?.url).toBe(cloud.endpoints.redshiftData);
    expect(process.env['AWS_ENDPOINT_URL_REDSHIFT_DATA']).toBe(cloud.endpoints.redshiftData);
  });

  it("puts a Redwire statement's status change on the bus, where the libs/system rule routes it to notify", async () => {
    clearRecorded();
    const { Id } = await data.send(
      new ExecuteStatementCommand({ WorkgroupName: 'redwire-local', Database: 'dev', Sql: 'select count(*) from nyc_yellow_taxi', WithEvent: true, StatementName: 'redwire:count:k1' }),
    );
    const { event } = await eventually(() => recorded('on-event')[0], 10_000);
    expect(event).toMatchObject({ source: 'aws.redshift-data', 'detail-type': 'Redshift Data Statement Status Change', detail: { statementId: Id, statementName: 'redwire:count:k1', state: 'FINISHED' } });
    expect((await data.send(new DescribeStatementCommand({ Id }))).Status).toBe('FINISHED');
  });

  it('does not route statements of others (no redwire: prefix)', async () => {
    clearRecorded();
    const { Id } = await data.send(new ExecuteStatementCommand({ WorkgroupName: 'redwire-local', Database: 'dev', Sql: 'select 1', WithEvent: true, StatementName: 'adhoc' }));
    await eventually(async () => (await data.send(new DescribeStatementCommand({ Id }))).Status === 'FINISHED', 10_000);
    await new Promise((r) => setTimeout(r, 100));
    await cloud.bus.idle();
    expect(recorded('on-event')).toHaveLength(0);
  });
});
