import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadStack } from './stacks.js';
import { hasTerraform, terraform } from './terraform.js';

const missing = hasTerraform() ? undefined : 'terraform is not on PATH';
if (missing) console.warn(`\n!!! SKIPPED: Terraform variable validation checks — ${missing}. These checks did NOT run. !!!\n`);

let workdir: string;
beforeAll(() => {
  workdir = mkdtempSync(join(tmpdir(), 'redwire-tfvars-'));
});
afterAll(() => rmSync(workdir, { recursive: true, force: true }));

/** Plans a configuration holding only the stack's variables: Terraform evaluates their validation blocks, offline, without a provider. */
async function planVariables(stack: string, vars: Record<string, string>): Promise<{ ok: boolean; output: string }> {
  const dir = mkdtempSync(join(workdir, `${stack}-vars-`));
  writeFileSync(join(dir, 'main.tf.json'), JSON.stringify({ variable: loadStack(inject('synthOutdir'), stack).variable }, null, 2));
  const args = Object.entries(vars).flatMap(([name, value]) => ['-var', `${name}=${value}`]);
  const plan = await terraform(dir, ['plan', '-input=false', '-no-color', '-lock=false', ...args]);
  return { ok: plan.code === 0, output: plan.output.replace(/\s+/g, ' ') };
}

const SECRET = 'a'.repeat(32);
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:redwire-db-AbCdEf';

describe.skipIf(missing !== undefined)('Redshift target variables', () => {
  it.each([
    ['a provisioned cluster with a database user', { redshift_cluster_identifier: 'analytics-1', redshift_db_user: 'redwire', redshift_database: 'dev' }],
    ['a provisioned cluster as the IAM identity', { redshift_cluster_identifier: 'analytics-1', redshift_database: 'dev' }],
    ['a Serverless workgroup with a secret', { redshift_workgroup_name: 'redwire-wg', redshift_secret_arn: SECRET_ARN, redshift_database: 'dev' }],
  ])('accepts %s', { timeout: 60_000 }, async (_, vars) => {
    const plan = await planVariables('backend', { cursor_secret: SECRET, ...vars });
    expect(plan.ok, plan.output).toBe(true);
  });

  it.each([
    ['both a cluster and a workgroup', { redshift_cluster_identifier: 'analytics-1', redshift_workgroup_name: 'redwire-wg' }, 'Set exactly one Redshift target'],
    ['neither a cluster nor a workgroup', {}, 'Set exactly one Redshift target'],
    ['a database user and a secret', { redshift_cluster_identifier: 'analytics-1', redshift_db_user: 'redwire', redshift_secret_arn: SECRET_ARN }, 'Set at most one of redshift_db_user and redshift_secret_arn'],
    ['a database user on Serverless', { redshift_workgroup_name: 'redwire-wg', redshift_db_user: 'redwire' }, 'redshift_db_user works only with a provisioned cluster'],
    ['a secret that is not a Secrets Manager ARN', { redshift_cluster_identifier: 'analytics-1', redshift_secret_arn: 'redwire-db' }, 'must be a Secrets Manager secret ARN'],
    ['an invalid cluster id', { redshift_cluster_identifier: 'Analytics_1' }, 'redshift_cluster_identifier must be a cluster id'],
    ['an empty database', { redshift_cluster_identifier: 'analytics-1', redshift_database: '' }, 'redshift_database is required'],
  ])('rejects %s with a clear message', { timeout: 60_000 }, async (_, vars, message) => {
    const plan = await planVariables('backend', { cursor_secret: SECRET, redshift_database: 'dev', ...vars });
    expect(plan.ok).toBe(false);
    expect(plan.output).toContain(message);
  });

  it('rejects a short cursor secret', { timeout: 60_000 }, async () => {
    const plan = await planVariables('backend', { cursor_secret: 'short', redshift_cluster_identifier: 'analytics-1', redshift_database: 'dev' });
    expect(plan.output).toContain('cursor_secret must be at least 32 characters');
  });
});
