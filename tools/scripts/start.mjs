#!/usr/bin/env node
// `npm start` (run as `node --import tsx tools/scripts/start.mjs`): builds the web app
// when its sources changed (the Nx cache makes this a no-op otherwise), then runs the
// whole local cloud in this same process, which handles Ctrl-C itself.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };

console.log('Redwire: building the web app (cached after the first start)…');
const build = spawnSync('npx', ['nx', 'run', 'web:build', '--outputStyle=static'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) {
  console.error('Redwire: building the web app failed; run `npx nx run web:build` to see why.');
  process.exit(build.status ?? 1);
}
await import('../local-cloud/src/main.ts');
