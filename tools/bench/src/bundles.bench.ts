import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './local-cloud.js';
import { functions } from '@redwire/system';
import type { Figure } from './bench-report.js';

export interface BundleInfo {
  readonly function: string;
  readonly file: string;
  readonly kb: number;
  /** Largest contributors (package or source folder) by bytes in the minified output, from esbuild's metafile. */
  readonly largest: readonly { readonly name: string; readonly kb: number }[];
}

/** Builds every handler bundle the way CI does (Nx, cached when nothing changed). */
export function buildBundles(): void {
  const result = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'tag:type:app', '--outputStyle=static'], {
    cwd: WORKSPACE_ROOT,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`building the handler bundles failed:\n${(result.stdout ?? '').slice(-2000)}${(result.stderr ?? '').slice(-2000)}`);
}

function largestInputs(metaFile: string): BundleInfo['largest'] {
  if (!existsSync(metaFile)) return [];
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }> };
  const totals = new Map<string, number>();
  for (const output of Object.values(meta.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 2).join('/');
      totals.set(name, (totals.get(name) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, bytes]) => ({ name, kb: Math.round(bytes / 102.4) / 10 }));
}

/** bundle_max_kb: size of every handler bundle libs/system names; missing bundles are an error, not a smaller figure. */
export function measureBundles(): { figure: Figure; bundles: BundleInfo[] } {
  const bundles = functions.map((fn) => {
    const file = join(WORKSPACE_ROOT, fn.bundle);
    if (!existsSync(file)) throw new Error(`${fn.bundle} was not built`);
    return { function: fn.name, file: fn.bundle, kb: statSync(file).size / 1024, largest: largestInputs(join(WORKSPACE_ROOT, fn.bundle.replace(/main\.mjs$/, 'meta.json'))) };
  });
  const worst = bundles.reduce((a, b) => (b.kb > a.kb ? b : a));
  return { figure: { value: worst.kb, samples: bundles.length, note: `largest: ${worst.function}` }, bundles };
}
