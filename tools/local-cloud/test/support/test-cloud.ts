import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { ephemeralPorts, startLocalCloud, type LocalCloud, type LocalCloudOptions } from '../../src/index.js';
import { testTopology } from '../fixtures/test-topology.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface TestCloud extends LocalCloud {
  readonly stateDir: string;
  /** Closes the cloud and deletes its state. */
  dispose(): Promise<void>;
}

/** The local cloud in-process on port 0 with a temporary state dir, the test topology and no warehouse. */
export async function startTestCloud(options: LocalCloudOptions = {}): Promise<TestCloud> {
  const stateDir = options.stateDir ?? mkdtempSync(join(tmpdir(), 'redwire-cloud-'));
  const cloud = await startLocalCloud({
    ports: ephemeralPorts(),
    stateDir,
    workspaceRoot: FIXTURES,
    topology: testTopology,
    warehouse: false,
    logger: pino({ level: process.env['REDWIRE_TEST_LOG_LEVEL'] ?? 'silent' }),
    delivery: { retries: 2, backoffMs: 5 },
    ...options,
  });
  return {
    ...cloud,
    stateDir,
    async dispose() {
      await cloud.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Debian's AWS CLI v2 (`dpkg -L awscli`), or undefined when it is not installed. */
export { awsCliPath } from './aws-cli.js';
