import { projectTestConfig } from '../../vitest.shared.js';

export default projectTestConfig(import.meta.dirname, { testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false });
