import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { functions } from '@redwire/system';
import { describe, expect, inject, it } from 'vitest';
import { synthesize } from '../src/app.js';
import { InfraError } from '../src/errors.js';
import { WORKSPACE_ROOT } from '../src/options.js';
import { fixtureWorkspace } from './fixture.js';

function runCli(args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'infra/src/main.ts', ...args], {
    cwd: WORKSPACE_ROOT,
    encoding: 'utf8',
    env: { ...process.env, CHECKPOINT_DISABLE: '1', TSX_TSCONFIG_PATH: 'infra/tsconfig.json', CDKTF_OUTDIR: undefined },
  });
}

describe('synth command', () => {
  it('fails naming the missing handler bundle and how to build it, writing nothing', () => {
    const options = fixtureWorkspace({ omitBundle: 'notify' });
    try {
      expect(() => synthesize(options)).toThrow(InfraError);
      expect(() => synthesize(options)).toThrow(/missing handler bundle\(s\):\n {2}- dist\/apps\/notify\/main\.mjs \(build it: npx nx run notify:build\)$/);
      expect(readdirSync(options.root)).not.toContain('cdktf.out');
    } finally {
      rmSync(options.root, { recursive: true, force: true });
    }
  });

  it('names a missing catalog bundle or web build with the command that builds it', () => {
    const options = fixtureWorkspace();
    try {
      expect(() => synthesize({ ...options, catalogFile: join(options.root, 'dist/catalog/none.json') })).toThrow(
        'missing catalog bundle dist/catalog/none.json (build it: npx nx run query-catalog:build)',
      );
      expect(() => synthesize({ ...options, webDir: join(options.root, 'dist/apps/site') })).toThrow(
        'missing web build: no index.html in dist/apps/site (build it: npx nx run web:build)',
      );
      expect(() => synthesize({ ...options, sampleDataDir: join(options.root, 'nope') })).toThrow(/--sample-data nope is not a directory/);
    } finally {
      rmSync(options.root, { recursive: true, force: true });
    }
  });

  it('exits non-zero from the command line with the missing bundles listed', { timeout: 60_000 }, () => {
    const root = inject('fixtureRoot');
    const result = runCli(['--bundles', join(root, 'nowhere'), '--out', join(root, 'never')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('infra synth failed (missing_bundle): missing handler bundle(s):');
    for (const spec of functions) expect(result.stderr).toContain(`${spec.name}/main.mjs (build it: npx nx run ${spec.name}:build)`);
  });

  it('writes byte-identical Terraform JSON and bundles when run again elsewhere', { timeout: 60_000 }, () => {
    const root = inject('fixtureRoot');
    const first = inject('synthOutdir');
    const second = join(root, 'again');
    const result = runCli([
      '--bundles', join(root, 'dist/apps'),
      '--catalog', join(root, 'dist/catalog/catalog.json'),
      '--web', join(root, 'apps/web/dist'),
      '--sample-data', join(root, 'sample'),
      '--out', second,
    ]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('cdk.tf.json');
    for (const stack of ['identity', 'backend', 'web']) {
      const file = `stacks/${stack}/cdk.tf.json`;
      expect(readFileSync(join(second, file), 'utf8'), stack).toBe(readFileSync(join(first, file), 'utf8'));
    }
    for (const spec of functions) {
      const zip = `bundles/${spec.name}.zip`;
      expect(readFileSync(join(second, zip)).equals(readFileSync(join(first, zip))), zip).toBe(true);
    }
    expect(readFileSync(join(second, 'stacks/backend/cdk.tf.json'), 'utf8')).not.toContain(root);
  });
});
