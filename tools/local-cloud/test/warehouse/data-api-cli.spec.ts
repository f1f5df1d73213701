import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWarehouse, waitUntilFinal, type Warehouse } from './warehouse-fixture.js';

const run = promisify(execFile);

/** Debian's awscli, by full path: an older `aws` may come first on PATH. */
function debianAws(): string | undefined {
  try {
    const path = execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8' }).split('\n').find((line) => line.endsWith('bin/aws'));
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

const aws = debianAws();
if (!aws) console.warn('SKIPPED: Debian awscli is not installed (dpkg -L awscli); the AWS CLI conformance tests did not run.');

let warehouse: Warehouse;

async function cli(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(aws as string, ['redshift-data', ...args, '--endpoint-url', warehouse.server.url, '--output', 'json'], {
    env: { ...process.env, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' },
  });
  return stdout.trim() ? (JSON.parse(stdout) as Record<string, unknown>) : {};
}

async function cliError(...args: string[]): Promise<string> {
  try {
    await cli(...args);
  } catch (error) {
    return String((error as { stderr?: string }).stderr);
  }
  throw new Error('the CLI call succeeded');
}

const target = ['--cluster-identifier', 'redwire-local', '--database', 'dev'];

// Each CLI call starts a Python process: seconds apiece on a busy machine.
describe.skipIf(!aws).concurrent('Redshift Data API stand-in with Debian\'s AWS CLI', { timeout: 120_000 }, () => {
  beforeAll(async () => {
    warehouse = await startWarehouse({ sampleRows: 0 });
  }, 60_000);
  afterAll(() => warehouse?.close());

  it('executes with parameters and fetches the result', async () => {
    const executed = await cli('execute-statement', ...target, '--sql', "SELECT to_date(:m, 'MonthYYYY') AS first_day, 7/2 AS half",
      '--parameters', '[{"name":"m","value":"December 2015"}]', '--statement-name', 'cli-test');
    expect((await waitUntilFinal(warehouse.client, String(executed['Id']))).Status).toBe('FINISHED');
    const result = await cli('get-statement-result', '--id', String(executed['Id']));
    expect(result['Records']).toEqual([[{ stringValue: '2015-12-01' }, { longValue: 3 }]]);
  });

  it('follows NextToken through all pages of a 5,000-row result', async () => {
    const executed = await cli('execute-statement', ...target, '--sql', 'SELECT x FROM range(5000) t(x) ORDER BY x');
    await waitUntilFinal(warehouse.client, String(executed['Id']));
    const result = await cli('get-statement-result', '--id', String(executed['Id']));
    const records = result['Records'] as { longValue: number }[][];
    expect(records.map((row) => row[0]?.longValue)).toEqual(Array.from({ length: 5000 }, (_, n) => n));
  });

  it('runs a batch, describes its sub-statements and lists it', async () => {
    const batch = await cli('batch-execute-statement', ...target, '--sqls', 'CREATE TABLE cli_t (n INT)', 'INSERT INTO cli_t VALUES (1)', '--statement-name', 'cli-batch');
    await waitUntilFinal(warehouse.client, String(batch['Id']));
    const described = await cli('describe-statement', '--id', String(batch['Id']));
    expect(described).toMatchObject({ Status: 'FINISHED' });
    expect((described['SubStatements'] as { Status: string }[]).map((sub) => sub.Status)).toEqual(['FINISHED', 'FINISHED']);
    const listed = await cli('list-statements', '--statement-name', 'cli-batch');
    expect((listed['Statements'] as { Id: string; IsBatchStatement: boolean }[])).toEqual([
      expect.objectContaining({ Id: batch['Id'], IsBatchStatement: true }),
    ]);
  });

  it('cancels a long statement, which ends ABORTED', async () => {
    const long = await cli('execute-statement', ...target, '--sql', 'SELECT redwire_sleep(120000)');
    expect(await cli('cancel-statement', '--id', String(long['Id']))).toEqual({ Status: true });
    expect((await waitUntilFinal(warehouse.client, String(long['Id']))).Status).toBe('ABORTED');
  });

  it('shows AWS error names for validation and unknown ids', async () => {
    expect(await cliError('execute-statement', '--cluster-identifier', 'c1', '--workgroup-name', 'wg1', '--database', 'dev', '--sql', 'SELECT 1')).toMatch(/ValidationException/);
    expect(await cliError('describe-statement', '--id', '00000000-0000-0000-0000-000000000000')).toMatch(/ResourceNotFoundException/);
  });
});
