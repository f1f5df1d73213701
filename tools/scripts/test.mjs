#!/usr/bin/env node
// `npm test`: every check CI runs, through Nx (lint, typecheck, build, drift
// checks, tests). Nx Cloud and the daemon stay off: nothing reaches the network.
import { spawnSync } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['lint', 'typecheck', 'build', 'check', 'test'];
const result = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', ...targets, '--parallel=2', '--outputStyle=stream'],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);
