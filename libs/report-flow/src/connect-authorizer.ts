import type { IdTokenVerifier } from '@redwire/auth';
import { WEBSOCKET_TOKEN_QUERY } from '@redwire/system';
import { allowPolicy, unauthorized, type AuthorizerResult } from './authorizer-policy.js';

/** The parts of a `$connect` REQUEST authorizer event this flow reads. */
export interface ConnectAuthorizerEvent {
  readonly methodArn: string;
  readonly queryStringParameters?: Readonly<Record<string, string | undefined>> | null;
}

/**
 * Verifies the Cognito ID token in `?token=` and allows the connection with the user's identity
 * as context. A missing, forged, expired or foreign token fails with `Unauthorized` (401), as
 * API Gateway expects; a verifier that cannot work at all fails otherwise (500).
 */
export async function authorizeConnect(verifier: IdTokenVerifier, event: ConnectAuthorizerEvent): Promise<AuthorizerResult> {
  const token = event.queryStringParameters?.[WEBSOCKET_TOKEN_QUERY];
  try {
    const identity = await verifier.verify(token);
    return allowPolicy({ userId: identity.sub, ...(identity.email ? { email: identity.email } : {}), groups: identity.groups }, event.methodArn);
  } catch (error) {
    // By name, not instanceof: keeps aws-jwt-verify out of every other handler's bundle.
    if (error instanceof Error && error.name === 'UnauthorizedError') throw unauthorized();
    throw error;
  }
}
