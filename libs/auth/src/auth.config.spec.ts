import { describe, expect, it } from 'vitest';
import { cognitoIssuer, idTokenConfigFromEnv, parseJwks } from './auth.config.js';
import { AuthConfigError } from './auth.errors.js';

const jwks = { keys: [{ kty: 'RSA', kid: 'k1', n: 'abc', e: 'AQAB' }] };
const base = { AWS_REGION: 'us-east-1', REDWIRE_USER_POOL_ID: 'local_x', REDWIRE_USER_POOL_CLIENT_ID: 'c1' };

describe('idTokenConfigFromEnv', () => {
  it('reads region, pool, client, issuer and preloaded keys', () => {
    const config = idTokenConfigFromEnv({ ...base, REDWIRE_TOKEN_ISSUER: 'http://127.0.0.1:8786/local_x', REDWIRE_JWKS: JSON.stringify(jwks) });
    expect(config).toEqual({ region: 'us-east-1', userPoolId: 'local_x', clientId: 'c1', issuer: 'http://127.0.0.1:8786/local_x', jwks });
  });

  it('leaves issuer and keys out when they are not set', () => {
    expect(idTokenConfigFromEnv(base)).toEqual({ region: 'us-east-1', userPoolId: 'local_x', clientId: 'c1' });
  });

  it.each(['AWS_REGION', 'REDWIRE_USER_POOL_ID', 'REDWIRE_USER_POOL_CLIENT_ID'])('names %s when it is missing', (name) => {
    expect(() => idTokenConfigFromEnv({ ...base, [name]: ' ' })).toThrow(new AuthConfigError(`${name} is required`));
  });

  it('names REDWIRE_TOKEN_ISSUER when it is not a URL', () => {
    expect(() => idTokenConfigFromEnv({ ...base, REDWIRE_TOKEN_ISSUER: 'cognito' })).toThrow(/REDWIRE_TOKEN_ISSUER must be an http\(s\) URL/);
  });

  it.each(['{', '{"keys":[]}', '{"keys":[{"kid":"x"}]}', 'null'])('names REDWIRE_JWKS when it is %s', (raw) => {
    expect(() => idTokenConfigFromEnv({ ...base, REDWIRE_JWKS: raw })).toThrow(/REDWIRE_JWKS must be/);
  });
});

describe('cognitoIssuer', () => {
  it('is the regional Cognito URL of the pool', () => {
    expect(cognitoIssuer('eu-west-1', 'eu-west-1_Ab')).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Ab');
    expect(parseJwks(JSON.stringify(jwks), 'x')).toEqual(jwks);
  });
});
