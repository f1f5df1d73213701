import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { buildCatalogFromFiles, writeCatalogBundle } from '@redwire/query-catalog';
import type { LambdaRuntime } from './lambda-runtime.js';
import { functionsTriggeredBy, type Topology } from './topology.js';

/**
 * Validates and bundles `<root>/sql/reports` into `<stateDir>/catalog/catalog.json`, as CI does before an upload,
 * so `npm start` serves the catalog of the checkout. Resolves the `file://` URL, or undefined without reports.
 */
export async function buildLocalCatalog(root: string, stateDir: string): Promise<string | undefined> {
  const dir = join(root, 'sql/reports');
  if (!existsSync(dir)) return undefined;
  const files = new Map(readdirSync(dir).filter((f) => f.endsWith('.sql')).map((f) => [f, readFileSync(join(dir, f), 'utf8')] as const));
  return pathToFileURL(await writeCatalogBundle(await buildCatalogFromFiles(files), join(stateDir, 'catalog'))).href;
}

/** Invokes every `deploy` function once (AWS runs them from the deployment); a failure is logged, not fatal. */
export async function runDeployFunctions(runtime: LambdaRuntime, topology: Topology, logger: Logger): Promise<void> {
  for (const fn of functionsTriggeredBy(topology, 'deploy')) {
    if (runtime.unavailable.includes(fn.name)) continue;
    try {
      const result = await runtime.invoke(fn.name, {});
      logger.info({ function: fn.name, result }, 'deploy function ran');
    } catch (error) {
      logger.error({ function: fn.name, err: error }, `deploy function ${fn.name} failed; the local cloud keeps running`);
    }
  }
}
