import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FIGURE_KEYS } from '../src/bench-keys.js';
import type { BenchResult } from '../src/bench-report.js';

const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'redwire-bench-smoke-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run bench -- --smoke', () => {
  it('measures every figure of the issue on a tiny load and writes them as finite numbers with machine info', () => {
    const out = join(dir, 'latest.json');
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tools/bench/src/main.ts', '--smoke', '--skip-build', '--out', out], {
      cwd: root,
      encoding: 'utf8',
      timeout: 170_000,
      env: { ...process.env, REDWIRE_LOG_LEVEL: 'error' },
    });
    const result = JSON.parse(readFileSync(out, 'utf8')) as BenchResult;
    expect(result.missing, run.stderr.slice(-3000)).toEqual({});
    expect(run.status).toBe(0);
    for (const key of FIGURE_KEYS) {
      const figure = result.figures[key];
      expect(figure, key).not.toBeNull();
      expect(Number.isFinite(figure?.value), `${key} = ${figure?.value}`).toBe(true);
      expect(figure?.samples, key).toBeGreaterThan(0);
    }
    expect(result.profile).toBe('smoke');
    expect(result.machine.cpus).toBeGreaterThan(0);
    expect(result.machine.loadAtStart).toHaveLength(3);
    expect(run.stdout).toContain('| `push_p50_ms_1000` |');
  });
});
