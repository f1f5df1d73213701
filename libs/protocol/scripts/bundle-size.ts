// Measures what the protocol costs in a minified browser bundle, and what the
// same kind of schema costs with classic `zod` and with `zod/mini`.
// Usage: node --import tsx libs/protocol/scripts/bundle-size.ts
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../../..');

// The same small schema, written once per API, so the libraries compare like for like.
const classic = `import * as z from 'zod';
const s = z.strictObject({ action: z.literal('submit'), id: z.string().regex(/^[a-z]{1,64}$/), ids: z.array(z.string()).min(1).max(50), n: z.optional(z.int().gte(0)) });
export const parse = (v) => s.safeParse(v);`;
const mini = `import * as z from 'zod/mini';
const s = z.strictObject({ action: z.literal('submit'), id: z.string().check(z.regex(/^[a-z]{1,64}$/)), ids: z.array(z.string()).check(z.minLength(1), z.maxLength(50)), n: z.optional(z.int().check(z.gte(0))) });
export const parse = (v) => s.safeParse(v);`;

const entries: [string, { entryPoints: string[] } | { stdin: { contents: string; resolveDir: string; loader: 'js' } }][] = [
  ['one schema, classic zod (import { z })', { stdin: { contents: classic.replace("import * as z from 'zod'", "import { z } from 'zod'"), resolveDir: root, loader: 'js' } }],
  ['one schema, classic zod (import * as z)', { stdin: { contents: classic, resolveDir: root, loader: 'js' } }],
  ['one schema, zod/mini (import * as z)', { stdin: { contents: mini, resolveDir: root, loader: 'js' } }],
  ['one schema, zod/mini (import { z })', { stdin: { contents: mini.replace("import * as z from 'zod/mini'", "import { z } from 'zod/mini'"), resolveDir: root, loader: 'js' } }],
  ['@redwire/protocol (whole public API, zod/mini)', { entryPoints: [resolve(root, 'libs/protocol/src/index.ts')] }],
];

for (const [label, input] of entries) {
  const result = await build({ ...input, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'error' });
  const code = result.outputFiles[0]?.contents ?? new Uint8Array();
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`${label.padEnd(52)} ${kb(code.byteLength).padStart(9)} min  ${kb(gzipSync(code).byteLength).padStart(8)} gzip`);
}
