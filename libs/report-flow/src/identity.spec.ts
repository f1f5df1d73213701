import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createIdTokenVerifier } from '@redwire/auth';
import { describe, expect, it } from 'vitest';
import { allowPolicy, denyPolicy } from './authorizer-policy.js';
import { authorizeConnect } from './connect-authorizer.js';
import { identityFromAuthorizer, identityFromJwtClaims } from './identity.js';

const METHOD_ARN = 'arn:aws:execute-api:us-east-1:000000000000:api/prod/$connect';

describe('identity', () => {
  it('round-trips through the authorizer context as strings only', () => {
    const result = allowPolicy({ userId: 'u-1', email: 'a@example.com', groups: ['admins', 'analysts, east'] }, METHOD_ARN);
    expect(Object.values(result.context ?? {}).every((v) => typeof v === 'string')).toBe(true);
    expect(result.policyDocument.Statement).toEqual([{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: METHOD_ARN }]);
    expect(identityFromAuthorizer({ ...result.context, principalId: 'u-1' })).toEqual({ userId: 'u-1', email: 'a@example.com', groups: ['admins', 'analysts, east'] });
  });

  it('refuses a missing or malformed authorizer context', () => {
    expect(identityFromAuthorizer(undefined)).toBeUndefined();
    expect(identityFromAuthorizer({ userId: '' })).toBeUndefined();
    expect(identityFromAuthorizer({ userId: 'u', groups: '{"not":"a list"}' })).toBeUndefined();
    expect(identityFromAuthorizer({ userId: 'u', groups: 'admins' })).toBeUndefined();
  });

  it('reads HTTP API JWT claims, with groups flattened as AWS does', () => {
    expect(identityFromJwtClaims({ sub: 's-1', email: 'b@example.com', 'cognito:groups': '[admins analysts]' })).toEqual({ userId: 's-1', email: 'b@example.com', groups: ['admins', 'analysts'] });
    expect(identityFromJwtClaims({ sub: 's-2' })).toEqual({ userId: 's-2', groups: [] });
    expect(identityFromJwtClaims({ email: 'no-sub@example.com' })).toBeUndefined();
  });

  it('builds an explicit deny', () => {
    expect(denyPolicy(METHOD_ARN).policyDocument.Statement[0]?.Effect).toBe('Deny');
  });
});

describe('authorizeConnect', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = (publicKey as KeyObject).export({ format: 'jwk' }) as { n: string; e: string };
  const issuer = 'http://127.0.0.1:9229/local_pool1';
  const verifier = createIdTokenVerifier({ region: 'us-east-1', userPoolId: 'local_pool1', clientId: 'client-1', issuer, jwks: { keys: [{ kty: 'RSA', kid: 'k1', alg: 'RS256', use: 'sig', n: jwk.n, e: jwk.e }] } });
  const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
  const token = (claims: Record<string, unknown>) => {
    const body = `${b64({ alg: 'RS256', kid: 'k1', typ: 'JWT' })}.${b64(claims)}`;
    return `${body}.${createSign('RSA-SHA256').update(body).sign(privateKey).toString('base64url')}`;
  };
  const now = Math.floor(Date.now() / 1000);
  const good = { sub: 'u-9', email: 'c@example.com', 'cognito:groups': ['analysts'], iss: issuer, aud: 'client-1', token_use: 'id', iat: now, exp: now + 600 };

  it('allows a valid ID token with the user as context', async () => {
    const result = await authorizeConnect(verifier, { methodArn: METHOD_ARN, queryStringParameters: { token: token(good) } });
    expect(result.principalId).toBe('u-9');
    expect(identityFromAuthorizer(result.context)).toEqual({ userId: 'u-9', email: 'c@example.com', groups: ['analysts'] });
  });

  it.each([
    ['no token', undefined],
    ['an expired token', { ...good, exp: now - 60 }],
    ['an access token', { ...good, token_use: 'access' }],
    ['a token for another client', { ...good, aud: 'client-2' }],
  ])('answers %s with Unauthorized (401)', async (_name, claims) => {
    const query = claims === undefined ? {} : { token: token(claims) };
    await expect(authorizeConnect(verifier, { methodArn: METHOD_ARN, queryStringParameters: query })).rejects.toThrow(/^Unauthorized$/);
  });
});
