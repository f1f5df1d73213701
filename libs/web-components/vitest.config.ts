import { projectTestConfig } from '../../vitest.shared.js';

// Browser tests start Chromium and servers: give them room, and run files one at a time on 2 cores.
export default projectTestConfig(import.meta.dirname, { testTimeout: 60_000, hookTimeout: 60_000, fileParallelism: false });
