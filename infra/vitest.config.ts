import { configDefaults } from 'vitest/config';
import { projectTestConfig } from '../vitest.shared.js';

/**
 * One synthesis (≈2 s) is shared by every spec through globalSetup. `terraform init + validate`
 * (a minute here: it loads the ~600 MB provider per stack) runs only in the `check` target, which
 * sets INFRA_TERRAFORM_CHECK=1 to select `test/**\/*.check.spec.ts`.
 */
const check = process.env['INFRA_TERRAFORM_CHECK'] === '1';

export default projectTestConfig(import.meta.dirname, {
  globalSetup: ['test/synth.global-setup.ts'],
  ...(check ? { include: ['test/**/*.check.spec.ts'] } : { exclude: [...configDefaults.exclude, 'test/**/*.check.spec.ts'] }),
  testTimeout: check ? 240_000 : 20_000,
  hookTimeout: 120_000,
});
