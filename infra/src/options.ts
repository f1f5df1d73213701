import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { functions, type FunctionSpec } from '@redwire/system';
import { InfraError } from './errors.js';

/** Everything a synthesis reads from disk or from the operator. Paths are absolute. */
export interface SynthOptions {
  /** Workspace root; relative paths below resolve against it. */
  readonly root: string;
  /** cdktf output directory; stacks land in `<outdir>/stacks/<stack>/cdk.tf.json`. */
  readonly outdir: string;
  /** Folder holding `<function>/main.js` for every function (`nx run <name>:build`). */
  readonly bundlesDir: string;
  /** The validated catalog bundle (`nx run query-catalog:build`). */
  readonly catalogFile: string;
  /** Built static site of apps/web (must contain index.html). */
  readonly webDir: string;
  /** Optional folder of sample Parquet files uploaded under `sample-data/`. */
  readonly sampleDataDir?: string | undefined;
  /** Prefix of every AWS resource name. */
  readonly prefix: string;
  /** Optional S3 bucket for Terraform state (S3 backend with lockfile); local state files otherwise. */
  readonly stateBucket?: string | undefined;
  readonly stateRegion?: string | undefined;
}

/** The workspace root: infra/src/../.. */
export const WORKSPACE_ROOT = resolve(import.meta.dirname, '..', '..');

const PREFIX_PATTERN = /^[a-z][a-z0-9-]{1,20}$/;

export function defaultOptions(root = WORKSPACE_ROOT): SynthOptions {
  return {
    root,
    outdir: join(root, 'infra', 'cdktf.out'),
    bundlesDir: join(root, 'dist', 'apps'),
    catalogFile: join(root, 'dist', 'catalog', 'catalog.json'),
    webDir: join(root, 'apps', 'web', 'dist'),
    prefix: 'redwire',
  };
}

/**
 * Reads `--bundles --catalog --web --sample-data --out --prefix --state-bucket --state-region`
 * (relative paths against the workspace root), falling back to REDWIRE_BUNDLES_DIR, REDWIRE_CATALOG_FILE,
 * REDWIRE_WEB_DIR, REDWIRE_SAMPLE_DATA_DIR, REDWIRE_PREFIX, REDWIRE_STATE_BUCKET, REDWIRE_STATE_REGION
 * (cdktf-cli passes no arguments). `CDKTF_OUTDIR`, set by cdktf-cli, wins for the outdir.
 */
export function parseSynthArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): SynthOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      strict: true,
      options: {
        bundles: { type: 'string' },
        catalog: { type: 'string' },
        web: { type: 'string' },
        'sample-data': { type: 'string' },
        out: { type: 'string' },
        prefix: { type: 'string' },
        'state-bucket': { type: 'string' },
        'state-region': { type: 'string' },
      },
    }).values;
  } catch (error) {
    throw new InfraError('bad_option', (error as Error).message);
  }
  const base = defaultOptions();
  const at = (value: string | undefined, fallback: string): string =>
    !value ? fallback : isAbsolute(value) ? value : resolve(base.root, value);
  const prefix = parsed.prefix ?? env['REDWIRE_PREFIX'] ?? base.prefix;
  if (!PREFIX_PATTERN.test(prefix)) {
    throw new InfraError('bad_option', `--prefix "${prefix}" must match ${PREFIX_PATTERN} (it starts every AWS resource name)`);
  }
  const stateBucket = parsed['state-bucket'] ?? env['REDWIRE_STATE_BUCKET'];
  const sampleData = parsed['sample-data'] ?? (env['REDWIRE_SAMPLE_DATA_DIR'] || undefined);
  return {
    ...base,
    outdir: at(env['CDKTF_OUTDIR'] || parsed.out, base.outdir),
    bundlesDir: at(parsed.bundles ?? env['REDWIRE_BUNDLES_DIR'], base.bundlesDir),
    catalogFile: at(parsed.catalog ?? env['REDWIRE_CATALOG_FILE'], base.catalogFile),
    webDir: at(parsed.web ?? env['REDWIRE_WEB_DIR'], base.webDir),
    sampleDataDir: sampleData === undefined ? undefined : at(sampleData, ''),
    prefix,
    stateBucket: stateBucket || undefined,
    stateRegion: parsed['state-region'] ?? env['REDWIRE_STATE_REGION'] ?? undefined,
  };
}

const BUNDLE_ROOT = 'dist/apps/';

/** Where a function's bundle sits under the configured bundles directory. */
export function bundlePath(options: SynthOptions, spec: FunctionSpec): string {
  if (!spec.bundle.startsWith(BUNDLE_ROOT)) {
    throw new InfraError('topology_drift', `function ${spec.name}: bundle ${spec.bundle} is not under ${BUNDLE_ROOT}`);
  }
  return join(options.bundlesDir, spec.bundle.slice(BUNDLE_ROOT.length));
}

/** Fails with every missing input named, and how to build it, before any construct is created. */
export function assertInputsExist(options: SynthOptions): void {
  const missing = functions
    .map((spec) => ({ spec, file: bundlePath(options, spec) }))
    .filter(({ file }) => !isFile(file));
  if (missing.length > 0) {
    const lines = missing.map(({ spec, file }) => `  - ${display(options, file)} (build it: npx nx run ${spec.name}:build)`);
    throw new InfraError('missing_bundle', `missing handler bundle(s):\n${lines.join('\n')}`);
  }
  if (!isFile(options.catalogFile)) {
    throw new InfraError(
      'missing_catalog',
      `missing catalog bundle ${display(options, options.catalogFile)} (build it: npx nx run query-catalog:build)`,
    );
  }
  if (!isFile(join(options.webDir, 'index.html'))) {
    throw new InfraError('missing_web', `missing web build: no index.html in ${display(options, options.webDir)} (build it: npx nx run web:build)`);
  }
  if (options.sampleDataDir !== undefined && !isDirectory(options.sampleDataDir)) {
    throw new InfraError('bad_option', `--sample-data ${display(options, options.sampleDataDir)} is not a directory`);
  }
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function display(options: SynthOptions, path: string): string {
  const rel = relative(options.root, path);
  return rel.startsWith('..') ? path : rel;
}
