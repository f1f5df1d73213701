import { ENV } from '@redwire/system';
import { AuthConfigError } from './auth.errors.js';

/** One RSA public key of a JSON Web Key Set, as Cognito publishes it. */
export interface Jwk {
  readonly kty: string;
  readonly kid: string;
  readonly n: string;
  readonly e: string;
  readonly alg?: string;
  readonly use?: string;
}
export interface Jwks {
  readonly keys: readonly Jwk[];
}

export interface IdTokenVerifierConfig {
  readonly region: string;
  readonly userPoolId: string;
  /** The app client id: ID tokens carry it as `aud`. */
  readonly clientId: string;
  /** Defaults to Cognito's `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly issuer?: string;
  /** Keys to preload. Required for a local Cognito (its JWKS is served over http:, which is never fetched). */
  readonly jwks?: Jwks;
}

export function cognitoIssuer(region: string, userPoolId: string): string {
  return `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') throw new AuthConfigError(`${name} is required`);
  return value.trim();
}

export function parseJwks(raw: string, source: string): Jwks {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new AuthConfigError(`${source} must be a JSON Web Key Set (JSON), got unparseable text`);
  }
  const keys = (parsed as { keys?: unknown } | null)?.keys;
  const valid =
    Array.isArray(keys) &&
    keys.length > 0 &&
    keys.every((k: unknown) => {
      const key = k as Partial<Jwk> | null;
      return typeof key?.kty === 'string' && typeof key.kid === 'string' && typeof key.n === 'string' && typeof key.e === 'string';
    });
  if (!valid) throw new AuthConfigError(`${source} must be {"keys":[{kty,kid,n,e,...}, ...]} with at least one RSA key`);
  return parsed as Jwks;
}

/**
 * Reads the verifier's configuration from the environment names in libs/system
 * (AWS_REGION, REDWIRE_USER_POOL_ID, REDWIRE_USER_POOL_CLIENT_ID, optional REDWIRE_TOKEN_ISSUER and REDWIRE_JWKS).
 */
export function idTokenConfigFromEnv(env: NodeJS.ProcessEnv = process.env): IdTokenVerifierConfig {
  const region = required(env, ENV.region);
  const userPoolId = required(env, ENV.userPoolId);
  const clientId = required(env, ENV.userPoolClientId);
  const issuer = env[ENV.tokenIssuer]?.trim() || undefined;
  if (issuer !== undefined && !/^https?:\/\/[^\s/]+/.test(issuer)) {
    throw new AuthConfigError(`${ENV.tokenIssuer} must be an http(s) URL, got "${issuer}"`);
  }
  const jwksRaw = env[ENV.jwks]?.trim();
  const jwks = jwksRaw ? parseJwks(jwksRaw, ENV.jwks) : undefined;
  return { region, userPoolId, clientId, ...(issuer ? { issuer } : {}), ...(jwks ? { jwks } : {}) };
}
