import { projectTestConfig } from '../vitest.shared.js';

// One synthesis (≈2 s) is shared by every spec through globalSetup; terraform validate takes longer.
export default projectTestConfig(import.meta.dirname, {
  globalSetup: ['test/synth.global-setup.ts'],
  testTimeout: 20_000,
  hookTimeout: 120_000,
});
