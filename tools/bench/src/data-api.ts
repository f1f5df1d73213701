import {
  DescribeStatementCommand,
  ExecuteStatementCommand,
  RedshiftDataClient,
  type DescribeStatementCommandOutput,
  type SqlParameter,
} from '@aws-sdk/client-redshift-data';

/** The same target the handlers use locally (REDWIRE_WORKGROUP_NAME / REDWIRE_DATABASE of the local cloud). */
export const LOCAL_TARGET = { WorkgroupName: 'redwire-local', Database: 'dev' } as const;

export function dataApiClient(endpoint: string, region: string): RedshiftDataClient {
  return new RedshiftDataClient({ endpoint, region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}

export class StatementFailedError extends Error {
  override readonly name = 'StatementFailedError';
}

/** Runs `sql` and waits (DescribeStatement every `pollMs`) until it is final; rejects unless FINISHED. */
export async function runToFinish(client: RedshiftDataClient, sql: string, parameters: Record<string, string> = {}, pollMs = 2): Promise<DescribeStatementCommandOutput> {
  const Parameters: SqlParameter[] = Object.entries(parameters).map(([name, value]) => ({ name, value }));
  const { Id } = await client.send(new ExecuteStatementCommand({ ...LOCAL_TARGET, Sql: sql, ...(Parameters.length ? { Parameters } : {}) }));
  if (!Id) throw new StatementFailedError('ExecuteStatement returned no Id');
  return waitFinal(client, Id, pollMs);
}

export async function waitFinal(client: RedshiftDataClient, id: string, pollMs = 2, timeoutMs = 120_000): Promise<DescribeStatementCommandOutput> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const described = await client.send(new DescribeStatementCommand({ Id: id }));
    if (described.Status === 'FINISHED') return described;
    if (described.Status === 'FAILED' || described.Status === 'ABORTED') throw new StatementFailedError(`statement ${id} ${described.Status}: ${described.Error ?? ''}`);
    if (Date.now() > until) throw new StatementFailedError(`statement ${id} still ${described.Status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** Engine time of a finished statement in ms (the Data API's `Duration` is in nanoseconds). */
export function engineMs(described: DescribeStatementCommandOutput): number {
  return (described.Duration ?? Number.NaN) / 1e6;
}
