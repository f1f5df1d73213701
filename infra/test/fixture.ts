import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { functions } from '@redwire/system';
import { defaultOptions, type SynthOptions } from '../src/options.js';

/**
 * A temporary workspace with small stand-in bundles, a catalog bundle and a built site, so the synth
 * wiring can be checked before (and independently of) the real builds. Test fixture only.
 */
export function fixtureWorkspace(options: { sampleData?: boolean; omitBundle?: string } = {}): SynthOptions {
  const root = mkdtempSync(join(tmpdir(), 'redwire-infra-'));
  for (const spec of functions) {
    if (spec.name === options.omitBundle) continue;
    const file = join(root, spec.bundle);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, `export const handler = async () => ({ statusCode: 200, body: ${JSON.stringify(spec.name)} });\n`);
  }
  mkdirSync(join(root, 'dist/catalog'), { recursive: true });
  writeFileSync(join(root, 'dist/catalog/catalog.json'), JSON.stringify({ version: 1, contentHash: 'fixture', reports: [{ id: 'open', groups: [] }, { id: 'fares', groups: ['finance', 'analysts'] }, { id: 'tips', groups: ['analysts'] }] }));
  mkdirSync(join(root, 'apps/web/dist/assets'), { recursive: true });
  writeFileSync(join(root, 'apps/web/dist/index.html'), '<!doctype html><title>Redwire</title>');
  writeFileSync(join(root, 'apps/web/dist/assets/app.js'), 'console.log("redwire");');
  let sampleDataDir: string | undefined;
  if (options.sampleData) {
    sampleDataDir = join(root, 'sample');
    mkdirSync(join(sampleDataDir, 'trips'), { recursive: true });
    writeFileSync(join(sampleDataDir, 'trips', 'part-0.parquet'), 'PAR1');
  }
  return { ...defaultOptions(root), outdir: join(root, 'cdktf.out'), sampleDataDir };
}
