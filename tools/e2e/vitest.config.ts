import { projectTestConfig } from '../../vitest.shared.js';

// Integration tests start real stand-ins (DuckDB behind the Data API): give them time, one file at a time.
export default projectTestConfig(import.meta.dirname, { testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false });
