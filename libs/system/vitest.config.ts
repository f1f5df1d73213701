import { projectTestConfig } from '../../vitest.shared.js';

const base = projectTestConfig(import.meta.dirname);

// Coverage always on for this lib, on top of the shared provider and reporters.
export default projectTestConfig(import.meta.dirname, {
  coverage: { ...base.test?.coverage, enabled: true, thresholds: { lines: 90 } },
});
