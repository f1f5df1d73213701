// Builds the demo app into apps/web/dist: index.html + main.js (dashboard), embed.html +
// redwire-elements.js (the embeddable module), sharing chunks; the chart library stays a lazy chunk.
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const projectDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(projectDir, 'dist');

rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
const result = await build({
  entryPoints: { main: join(projectDir, 'src/main.ts'), 'redwire-elements': join(projectDir, 'src/redwire-elements.ts') },
  outdir,
  bundle: true,
  format: 'esm',
  splitting: true,
  minify: true,
  target: 'es2022',
  platform: 'browser',
  // amazon-cognito-identity-js pulls in `buffer`, which expects Node's `global` (same as libs/web-components).
  define: { global: 'globalThis' },
  legalComments: 'none',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});
for (const page of ['index.html', 'embed.html']) copyFileSync(join(projectDir, 'src', page), join(outdir, page));
// A 16×16 icon in Redwire blue, so browsers asking for /favicon.ico get one instead of a logged 404.
const FAVICON =
  'AAABAAEAEBAAAAEAIABSAAAAFgAAAIlQTkcNChoKAAAADUlIRFIAAAAQAAAAEAgGAAAAH/P/YQAAABlJREFUeJxj4LbN+08JZhg1YNSAUQOGiwEAWXq1EHTBi4sAAAAASUVORK5CYII=';
writeFileSync(join(outdir, 'favicon.ico'), Buffer.from(FAVICON, 'base64'));
console.log(`apps/web/dist: ${Object.keys(result.metafile.outputs).length} files`);
