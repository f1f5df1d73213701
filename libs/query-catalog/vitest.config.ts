import { projectTestConfig } from '../../vitest.shared.js';

const base = projectTestConfig(import.meta.dirname);

// Coverage on every run: the shared settings, plus a floor the test target enforces.
export default projectTestConfig(import.meta.dirname, {
  coverage: { ...base.test?.coverage, enabled: true, thresholds: { lines: 90 } },
});
