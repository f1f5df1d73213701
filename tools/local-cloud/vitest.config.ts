import { projectTestConfig } from '../../vitest.shared.js';

export default projectTestConfig(import.meta.dirname, {
  // cognito-local loads the AWS SDK v2, which prints an end-of-support notice.
  env: { AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' },
  testTimeout: 20_000,
  hookTimeout: 30_000,
});
