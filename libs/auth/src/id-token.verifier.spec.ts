import { beforeAll, describe, expect, it } from 'vitest';
import { createIdTokenVerifier, type IdTokenVerifier } from './id-token.verifier.js';
import { AuthConfigError, UnauthorizedError } from './auth.errors.js';
import { createTestIssuer, type TestIssuer } from './test-keys.js';

const issuerUrl = 'http://127.0.0.1:9/local_abcdefgh';
const clientId = 'client-123';
const now = () => Math.floor(Date.now() / 1000);

describe('createIdTokenVerifier', () => {
  let keys: TestIssuer;
  let verifier: IdTokenVerifier;
  const claims = (over: Record<string, unknown> = {}) => ({
    sub: 'user-1',
    email: 'ana@example.com',
    'cognito:groups': ['admins', 'analysts'],
    aud: clientId,
    iss: issuerUrl,
    token_use: 'id',
    iat: now(),
    exp: now() + 3600,
    ...over,
  });

  beforeAll(() => {
    keys = createTestIssuer();
    verifier = createIdTokenVerifier({ region: 'us-east-1', userPoolId: 'local_abcdefgh', clientId, issuer: issuerUrl, jwks: keys.jwks });
  });

  it('returns sub, email, groups and all claims of a valid ID token', async () => {
    const identity = await verifier.verify(keys.sign(claims()));
    expect(identity).toMatchObject({ sub: 'user-1', email: 'ana@example.com', groups: ['admins', 'analysts'] });
    expect(identity.claims['token_use']).toBe('id');
  });

  it('gives no groups and no email when the token has none', async () => {
    const identity = await verifier.verify(keys.sign(claims({ 'cognito:groups': undefined, email: undefined })));
    expect(identity.groups).toEqual([]);
    expect(identity.email).toBeUndefined();
  });

  it.each([
    ['an access token', { token_use: 'access' }, /not an ID token/],
    ['an expired token', { exp: now() - 60 }, /expired/i],
    ['a token for another client', { aud: 'other-client' }, /audience/i],
    ['a token from another issuer', { iss: 'http://evil.example/local_x' }, /issuer/i],
    ['a token without sub', { sub: undefined }, /no sub/],
  ])('rejects %s', async (_label, over, message) => {
    const error = await verifier.verify(keys.sign(claims(over))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnauthorizedError);
    expect((error as UnauthorizedError).code).toBe('unauthorized');
    expect((error as Error).message).toMatch(message);
  });

  it('rejects a token signed by a key it does not trust without fetching anything', async () => {
    const stranger = createTestIssuer('test-key');
    await expect(verifier.verify(stranger.sign(claims()))).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('rejects a token whose key id is unknown (never fetches the http: JWKS)', async () => {
    await expect(verifier.verify(keys.sign(claims(), { kid: 'other' }))).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it.each([undefined, null, '', '   ', 'not-a-jwt', 'a.b.c'])('rejects the malformed token %j', async (token) => {
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(UnauthorizedError);
  });

  it('defaults the issuer to the Cognito URL of the pool', async () => {
    const cognito = createIdTokenVerifier({ region: 'eu-west-1', userPoolId: 'eu-west-1_AbC', clientId, jwks: keys.jwks });
    const iss = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC';
    await expect(cognito.verify(keys.sign(claims({ iss })))).resolves.toMatchObject({ sub: 'user-1' });
    await expect(cognito.verify(keys.sign(claims()))).rejects.toThrow(/issuer/i);
  });

  it('reports an unusable issuer as a configuration error', () => {
    expect(() => createIdTokenVerifier({ region: 'r', userPoolId: 'p', clientId, issuer: 'not a url' })).toThrow(AuthConfigError);
  });
});
