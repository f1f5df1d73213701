// `npm run bench` (full, a few minutes) or `npm run bench -- --smoke` (seconds): measures, prints a
// markdown table, writes tools/bench/results/latest.json (or --out <file>);
// --profile <text> writes a CPU profile of each phase whose name contains <text> next to it. Exit 1 when a figure could not be measured.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WORKSPACE_ROOT } from './local-cloud.js';
import { FULL_PROFILE, SMOKE_PROFILE } from './bench-profile.js';
import { markdownTable } from './bench-report.js';
import { runBench } from './run-bench.js';

process.env['AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE'] ??= '1';
const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, out: { type: 'string' }, 'skip-build': { type: 'boolean', default: false }, profile: { type: 'string' } } });
const out = resolve(values.out ?? join(WORKSPACE_ROOT, 'tools/bench/results/latest.json'));
rmSync(out, { force: true });
mkdirSync(dirname(out), { recursive: true });

const result = await runBench({
  profile: values.smoke ? SMOKE_PROFILE : FULL_PROFILE,
  skipBuild: values['skip-build'],
  ...(values.profile ? { profilePhase: values.profile, profileDir: dirname(out) } : {}),
  log: (line) => process.stderr.write(`[bench] ${line}\n`),
});
writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(`\n${markdownTable(result)}\n\nload average ${result.machine.loadAtStart.join(' ')} → ${result.machine.loadAtEnd?.join(' ') ?? '?'}; ${result.durationS} s; ${out}\n`);
process.exitCode = Object.keys(result.missing).length > 0 ? 1 : 0;
