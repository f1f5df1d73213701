import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { synthesize } from '../src/app.js';
import { fixtureWorkspace } from './fixture.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Workspace root of the fixture the shared synthesis used. */
    fixtureRoot: string;
    /** cdktf outdir of the shared synthesis (stacks/<stack>/cdk.tf.json). */
    synthOutdir: string;
  }
}

/** One synthesis over a fixture workspace (stand-in bundles, catalog, site, sample Parquet), shared by every spec. */
export default function setup(project: TestProject): () => void {
  const options = fixtureWorkspace({ sampleData: true });
  synthesize(options);
  project.provide('fixtureRoot', options.root);
  project.provide('synthOutdir', options.outdir);
  return () => rmSync(options.root, { recursive: true, force: true });
}
