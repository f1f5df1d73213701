import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { JwtPayload } from 'aws-jwt-verify/jwt-model';
import { cognitoIssuer, type IdTokenVerifierConfig } from './auth.config.js';
import { AuthConfigError, UnauthorizedError } from './auth.errors.js';

/** Who a verified Cognito ID token belongs to. */
export interface VerifiedIdentity {
  /** Cognito's stable user id. */
  readonly sub: string;
  readonly email?: string;
  /** `cognito:groups`, empty when the user is in none. */
  readonly groups: readonly string[];
  /** Every claim of the token as signed. */
  readonly claims: Readonly<JwtPayload>;
}

export interface IdTokenVerifier {
  /** Resolves with the identity, or rejects with {@link UnauthorizedError}. */
  verify(token: string | undefined | null): Promise<VerifiedIdentity>;
}

function groupsOf(payload: JwtPayload): string[] {
  const raw = payload['cognito:groups'];
  return Array.isArray(raw) ? raw.filter((g): g is string => typeof g === 'string') : [];
}

/**
 * Verifies Cognito ID tokens (RS256 signature, issuer, audience = app client id, expiry, token_use "id").
 * With `config.jwks` the keys are preloaded and never fetched, which is how a local Cognito is trusted.
 */
export function createIdTokenVerifier(config: IdTokenVerifierConfig): IdTokenVerifier {
  const issuer = config.issuer ?? cognitoIssuer(config.region, config.userPoolId);
  let verifier;
  try {
    verifier = JwtRsaVerifier.create({
      issuer,
      audience: config.clientId,
      customJwtCheck: ({ payload }) => {
        if (payload['token_use'] !== 'id') throw new UnauthorizedError('not an ID token');
      },
    });
  } catch (error) {
    throw new AuthConfigError(`cannot verify tokens of issuer "${issuer}": ${(error as Error).message}`);
  }
  if (config.jwks) verifier.cacheJwks(config.jwks as Parameters<typeof verifier.cacheJwks>[0]);

  return {
    async verify(token) {
      if (typeof token !== 'string' || token.trim() === '') throw new UnauthorizedError('no token');
      let payload: JwtPayload;
      try {
        payload = await verifier.verify(token.trim());
      } catch (error) {
        if (error instanceof UnauthorizedError) throw error;
        throw new UnauthorizedError((error as Error).message, { cause: error });
      }
      if (typeof payload.sub !== 'string' || payload.sub === '') throw new UnauthorizedError('token has no sub');
      const email = typeof payload['email'] === 'string' ? payload['email'] : undefined;
      return { sub: payload.sub, ...(email ? { email } : {}), groups: groupsOf(payload), claims: payload };
    },
  };
}
