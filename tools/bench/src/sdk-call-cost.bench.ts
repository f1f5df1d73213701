import { DescribeStatementCommand, type RedshiftDataClient } from '@aws-sdk/client-redshift-data';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { median, round } from './stats.js';

export interface CallCost {
  /** Median wall time of one call, client and in-process stand-in together. */
  readonly medianMs: number;
  /** Process CPU per call (client + stand-in, both in this process). */
  readonly cpuMsPerCall: number;
  readonly calls: number;
}

async function timeCalls(calls: number, call: () => Promise<unknown>): Promise<CallCost> {
  for (let i = 0; i < 20; i += 1) await call();
  const times: number[] = [];
  const cpu = process.cpuUsage();
  for (let i = 0; i < calls; i += 1) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  const used = process.cpuUsage(cpu);
  return { medianMs: round(median(times), 3), cpuMsPerCall: round((used.user + used.system) / 1000 / calls, 3), calls };
}

/** What one SDK call costs here, one at a time: DynamoDB GetItem (dynalite) and Data API DescribeStatement. */
export async function measureSdkCallCost(endpoints: { dynamodb: string; region: string }, table: string, dataApi: RedshiftDataClient, statementId: string, calls: number): Promise<Record<string, CallCost>> {
  const dynamo = new DynamoDBClient({ endpoint: endpoints.dynamodb, region: endpoints.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  try {
    return {
      dynamoDbGetItem: await timeCalls(calls, () => dynamo.send(new GetItemCommand({ TableName: table, Key: { pk: { S: 'bench#absent' }, sk: { S: 'x' } } }))),
      dataApiDescribeStatement: await timeCalls(calls, () => dataApi.send(new DescribeStatementCommand({ Id: statementId }))),
    };
  } finally {
    dynamo.destroy();
  }
}
