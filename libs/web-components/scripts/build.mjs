// Builds the embeddable ES module (dist/libs/web-components/redwire-elements.js, the chart library
// in a lazily loaded chunk), measures its gzip size, and writes the custom-elements manifest.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspaceRoot = resolve(projectDir, '../..');
const outdir = resolve(workspaceRoot, 'dist/libs/web-components');
/** The elements without the chart library must stay within 80 KB gzip. */
const ELEMENTS_BUDGET_BYTES = 80 * 1024;

/** Browser esbuild options. apps/web/scripts/build.mjs repeats them (module boundaries forbid importing across projects by path): keep both in step. */
export const browserBuildOptions = {
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  target: 'es2022',
  platform: 'browser',
  // amazon-cognito-identity-js pulls in `buffer`, which expects Node's `global`.
  define: { global: 'globalThis' },
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
};

/** Gzip sizes: the entry with everything it loads up front, and the lazily loaded chunks (the chart library). */
export function measure(metafile, dir, entryName) {
  const outputs = metafile.outputs;
  const key = (file) => relative(workspaceRoot, join(dir, file));
  const gz = (path) => gzipSync(readFileSync(resolve(workspaceRoot, path)), { level: 9 }).length;
  const eager = new Set();
  const visit = (path) => {
    if (eager.has(path)) return;
    eager.add(path);
    for (const imported of outputs[path]?.imports ?? []) if (imported.kind === 'import-statement') visit(imported.path);
  };
  visit(key(entryName));
  const lazy = Object.keys(outputs).filter((path) => path.endsWith('.js') && !eager.has(path));
  const sum = (paths) => paths.reduce((total, path) => total + gz(path), 0);
  return { eagerGzipBytes: sum([...eager]), lazyGzipBytes: sum(lazy), eagerFiles: [...eager], lazyFiles: lazy };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  const result = await build({
    ...browserBuildOptions,
    entryPoints: { 'redwire-elements': join(projectDir, 'src/index.ts') },
    outdir,
  });
  const size = measure(result.metafile, outdir, 'redwire-elements.js');
  writeFileSync(join(outdir, 'size.json'), `${JSON.stringify(size, null, 2)}\n`);
  execFileSync(
    process.execPath,
    [resolve(workspaceRoot, 'node_modules/@custom-elements-manifest/analyzer/cem.js'), 'analyze', '--quiet'],
    { cwd: projectDir, stdio: 'inherit' },
  );
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`redwire-elements.js: ${kb(size.eagerGzipBytes)} gzip without the chart library; chart chunk(s): ${kb(size.lazyGzipBytes)} gzip`);
  if (size.eagerGzipBytes > ELEMENTS_BUDGET_BYTES) {
    console.error(`The elements grew past their budget of ${kb(ELEMENTS_BUDGET_BYTES)} gzip (issue 7); see what grew in the metafile.`);
    process.exitCode = 1;
  }
}
