import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InfraError } from './errors.js';
import { functionByName } from '@redwire/system';
import { bundlePath, defaultOptions, parseSynthArgs, WORKSPACE_ROOT } from './options.js';

describe('synth options', () => {
  it('defaults to the workspace build outputs and infra/cdktf.out', () => {
    expect(parseSynthArgs([], {})).toEqual({ ...defaultOptions(), sampleDataDir: undefined, stateBucket: undefined, stateRegion: undefined });
    expect(defaultOptions().bundlesDir).toBe(join(WORKSPACE_ROOT, 'dist/apps'));
  });

  it('resolves relative paths against the workspace root and lets cdktf-cli choose the outdir', () => {
    const options = parseSynthArgs(['--bundles', 'tmp/b', '--sample-data', '/data/parquet', '--state-bucket', 'tf-state'], { CDKTF_OUTDIR: '/tmp/out' });
    expect(options).toMatchObject({ bundlesDir: join(WORKSPACE_ROOT, 'tmp/b'), sampleDataDir: '/data/parquet', outdir: '/tmp/out', stateBucket: 'tf-state' });
  });

  it('reads the same settings from the environment when cdktf-cli runs it without arguments', () => {
    const options = parseSynthArgs([], { REDWIRE_WEB_DIR: '/srv/site', REDWIRE_SAMPLE_DATA_DIR: 'data/parquet', REDWIRE_PREFIX: 'rw-test' });
    expect(options).toMatchObject({ webDir: '/srv/site', sampleDataDir: join(WORKSPACE_ROOT, 'data/parquet'), prefix: 'rw-test' });
    expect(parseSynthArgs(['--web', 'site'], { REDWIRE_WEB_DIR: '/srv/site' }).webDir).toBe(join(WORKSPACE_ROOT, 'site'));
  });

  it('rejects unknown flags and bad prefixes with a typed error', () => {
    expect(() => parseSynthArgs(['--nope'], {})).toThrow(InfraError);
    expect(() => parseSynthArgs(['--prefix=-x'], {})).toThrow(/--prefix "-x" must match/);
    expect(() => parseSynthArgs(['--prefix', 'Red_Wire'], {})).toThrow(/--prefix "Red_Wire" must match/);
  });

  it('treats an empty CDKTF_OUTDIR or option as unset', () => {
    expect(parseSynthArgs(['--out', ''], { CDKTF_OUTDIR: '' }).outdir).toBe(defaultOptions().outdir);
  });

  it('finds each bundle under the bundles directory and refuses one the topology puts elsewhere', () => {
    const options = { ...defaultOptions(), bundlesDir: '/b' };
    const notify = functionByName('notify');
    expect(bundlePath(options, notify)).toBe(`/b/notify/${notify.bundle.split('/').pop()}`);
    expect(() => bundlePath(options, { ...notify, bundle: 'build/notify.mjs' })).toThrow(/bundle build\/notify.mjs is not under dist\/apps\//);
  });
});
