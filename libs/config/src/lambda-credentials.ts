import { fromEnv, type FromEnvInit } from '@aws-sdk/credential-provider-env';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

/**
 * Stand-in for `@aws-sdk/credential-provider-node` in the Lambda bundles only (the esbuild `alias`
 * in nx.json's `@nx/esbuild:esbuild` defaults); never imported by source code.
 *
 * Lambda always hands a function its role's credentials in environment variables
 * (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), and the local cloud sets them for
 * every handler too. The SDK's default chain would look there first as well, but every client's
 * runtime config imports it statically, dragging SSO, INI files, credential processes, web identity,
 * IMDS and nested STS/SSO clients (≈ 100 KB minified) into each bundle and its cold start. Without
 * the variables this fails with the SDK's own CredentialsProviderError.
 */
export function defaultProvider(init: FromEnvInit = {}): AwsCredentialIdentityProvider {
  return fromEnv(init);
}
