#!/usr/bin/env node
// `npm test`: every check CI runs, through Nx (lint, typecheck, build, drift
// checks, tests). Nx Cloud and the daemon stay off: nothing reaches the network.
// Output streams through unchanged; at the end one plain line sums vitest's
// per-project "Tests" lines (cached tasks replay theirs, so they count too).
import { spawn } from 'node:child_process';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const targets = process.argv.slice(2).length ? process.argv.slice(2) : ['lint', 'typecheck', 'build', 'check', 'test'];
const child = spawn('npx', ['nx', 'run-many', '-t', ...targets, '--parallel=2', '--outputStyle=stream'], {
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});

const totals = { passed: 0, failed: 0, skipped: 0 };
let pending = '';
const ansi = /\x1b\[[0-9;]*m/g;
function count(line) {
  const plain = line.replace(ansi, '');
  if (!/^\S+:\s+Tests\s+\d/.test(plain)) return;
  for (const kind of Object.keys(totals)) {
    const match = plain.match(new RegExp(`(\\d+) ${kind}`));
    if (match) totals[kind] += Number(match[1]);
  }
}
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  const lines = (pending + chunk.toString('utf8')).split('\n');
  pending = lines.pop() ?? '';
  lines.forEach(count);
});
child.on('close', (code) => {
  count(pending);
  if (code !== 0 && totals.failed === 0) totals.failed = 1; // a failed lint/typecheck/build counts as a failure
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code ?? 1);
});
