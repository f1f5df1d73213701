import { projectTestConfig } from '../../vitest.shared.js';

export default projectTestConfig(import.meta.dirname, {
  // cognito-local loads the AWS SDK v2, which prints an end-of-support notice.
  env: { AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' },
  // The smoke run starts a whole local cloud and child processes.
  testTimeout: 180_000,
  hookTimeout: 60_000,
});
