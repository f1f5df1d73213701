import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
// The suite drives the local cloud (a tool, projectType application) in-process, as issue 5 asks.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ephemeralPorts, startLocalCloud, WORKSPACE_ROOT, type LocalCloud, type LocalCloudOptions } from '@redwire/local-cloud';
import { buildCatalogFromFiles, writeCatalogBundle } from '@redwire/query-catalog';
import { ENV } from '@redwire/system';
import { pino } from 'pino';

/** Rows of synthetic trips: small and fast, yet every day of 2015 (December included) has trips. */
export const SAMPLE_ROWS = 20_000;

export interface FlowCloud {
  readonly cloud: LocalCloud;
  close(): Promise<void>;
}

/** The real catalog (sql/reports) plus the test-only reports in ./reports, validated and bundled as in CI. */
async function testCatalogUrl(stateDir: string): Promise<string> {
  const files = new Map<string, string>();
  for (const dir of [join(WORKSPACE_ROOT, 'sql/reports'), join(import.meta.dirname, '../reports')]) {
    for (const name of readdirSync(dir).filter((file) => file.endsWith('.sql'))) files.set(name, readFileSync(join(dir, name), 'utf8'));
  }
  return pathToFileURL(await writeCatalogBundle(await buildCatalogFromFiles(files), join(stateDir, 'catalog'))).href;
}

/**
 * One in-process local cloud for a spec file: ephemeral ports, a temporary state directory, the
 * real handlers from apps/, and the test catalog. Logs go nowhere unless REDWIRE_E2E_LOGS is set.
 */
export async function startFlowCloud(options: Partial<LocalCloudOptions> = {}): Promise<FlowCloud> {
  const stateDir = mkdtempSync(join(tmpdir(), 'redwire-flow-'));
  const catalogUrl = await testCatalogUrl(stateDir);
  const cloud = await startLocalCloud({
    ports: ephemeralPorts(),
    stateDir,
    sampleRows: SAMPLE_ROWS,
    logger: pino({ level: process.env['REDWIRE_E2E_LOGS'] ?? 'silent' }),
    ...options,
    environment: {
      [ENV.catalogUrl]: catalogUrl,
      [ENV.logLevel]: process.env['REDWIRE_E2E_LOGS'] ?? 'silent',
      ...options.environment,
    },
  });
  return {
    cloud,
    async close() {
      await cloud.close();
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
