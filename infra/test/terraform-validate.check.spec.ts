import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { findTerraform, terraform, type TerraformTooling } from './terraform.js';

const tooling = findTerraform();
const missing = 'missing' in tooling ? tooling.missing : undefined;
if (missing) {
  console.warn(`\n!!! SKIPPED: terraform init + validate of the synthesized stacks — ${missing}. These checks did NOT run. !!!\n`);
}

let workdir: string;
beforeAll(() => {
  workdir = mkdtempSync(join(tmpdir(), 'redwire-terraform-'));
});
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

describe.skipIf(missing !== undefined)('terraform on the synthesized JSON', () => {
  const { pluginDir } = tooling as TerraformTooling;

  it.concurrent.each(['identity', 'backend', 'web'])('init (offline mirror) and validate the %s stack', { timeout: 240_000 }, async (stack) => {
    // A copy, so .terraform/ and the lock file never land in the synthesized output.
    const dir = join(workdir, stack);
    cpSync(join(inject('synthOutdir'), 'stacks', stack), dir, { recursive: true });
    const init = await terraform(dir, ['init', '-backend=false', `-plugin-dir=${pluginDir}`, '-input=false', '-no-color']);
    expect(init.code, init.output).toBe(0);
    const validate = await terraform(dir, ['validate', '-json', '-no-color']);
    const report = JSON.parse(validate.output) as { valid: boolean; error_count: number; diagnostics: unknown[] };
    expect(report, JSON.stringify(report.diagnostics, null, 2)).toMatchObject({ valid: true, error_count: 0 });
  });
});

