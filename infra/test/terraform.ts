import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const AWS_PROVIDER_VERSION = '5.100.0';
const MIRROR_CANDIDATES = [process.env['REDWIRE_TF_PLUGIN_DIR'], '/opt/tf-plugins', join(process.env['HOME'] ?? '/root', '.terraform.d', 'plugins')];

export interface TerraformTooling {
  readonly pluginDir: string;
}

export function hasTerraform(): boolean {
  const version = spawnSync('terraform', ['version'], { encoding: 'utf8', env: terraformEnv() });
  return !version.error && version.status === 0;
}

/** Terraform and a local mirror of hashicorp/aws 5.100.0, or why they cannot be used here. */
export function findTerraform(): TerraformTooling | { readonly missing: string } {
  if (!hasTerraform()) return { missing: 'terraform is not on PATH' };
  const pluginDir = MIRROR_CANDIDATES.find(
    (dir) => dir && existsSync(join(dir, 'registry.terraform.io', 'hashicorp', 'aws', AWS_PROVIDER_VERSION)),
  );
  if (!pluginDir) return { missing: `no local mirror of hashicorp/aws ${AWS_PROVIDER_VERSION} (set REDWIRE_TF_PLUGIN_DIR)` };
  return { pluginDir };
}

/** No user CLI configuration, no checkpoint calls: offline and reproducible. */
export function terraformEnv(): NodeJS.ProcessEnv {
  return { ...process.env, TF_CLI_CONFIG_FILE: '/dev/null', CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1' };
}

export interface RunResult {
  readonly code: number | null;
  readonly output: string;
}

/** Runs terraform asynchronously (validate loads a ~600 MB provider; stacks run side by side). */
export function terraform(cwd: string, args: readonly string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn('terraform', [...args], { cwd, env: terraformEnv() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}
