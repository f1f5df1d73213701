import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function findDebianAws(): string | undefined {
  try {
    const files = execFileSync('dpkg', ['-L', 'awscli'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const path = files.split('\n').find((line) => line.endsWith('bin/aws'));
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export const awsCliPath = findDebianAws();
if (!awsCliPath) console.warn('\n*** Debian awscli is not installed: the AWS CLI conformance tests are SKIPPED (not passed). ***\n');

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the Debian AWS CLI against a local endpoint with dummy credentials. */
export function aws(args: readonly string[], endpoint: string): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      awsCliPath ?? 'aws',
      [...args, '--endpoint-url', endpoint, '--region', 'us-east-1', '--output', 'json', '--no-cli-pager'],
      { env: { ...process.env, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local', AWS_CONFIG_FILE: '/dev/null', AWS_SHARED_CREDENTIALS_FILE: '/dev/null' }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
