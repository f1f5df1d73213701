import { AdminAddUserToGroupCommand, CreateGroupCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearRecorded, recorded } from './fixtures/recorder.js';
import { cognitoClient, GOOD_PASSWORD, signedInUser } from './support/cognito-user.js';
import { startTestCloud, type TestCloud } from './support/test-cloud.js';

describe('HTTP API with the Cognito JWT authorizer', () => {
  let cloud: TestCloud;
  let idToken: string;
  const call = (path: string, init: RequestInit = {}, token: string | null = idToken) =>
    fetch(`${cloud.endpoints.rest}${path}`, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.headers as Record<string, string>) } });

  beforeAll(async () => {
    cloud = await startTestCloud();
    const cognito = cognitoClient(cloud);
    await signedInUser(cloud, 'ana@example.com');
    for (const GroupName of ['admins', 'analysts']) {
      await cognito.send(new CreateGroupCommand({ UserPoolId: cloud.endpoints.userPoolId, GroupName }));
      await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: cloud.endpoints.userPoolId, Username: 'ana@example.com', GroupName }));
    }
    const auth = await cognito.send(new InitiateAuthCommand({ ClientId: cloud.endpoints.userPoolClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana@example.com', PASSWORD: GOOD_PASSWORD } }));
    idToken = String(auth.AuthenticationResult?.IdToken);
    cognito.destroy();
  });
  afterAll(() => cloud.dispose());

  it('passes claims, flattened to strings as AWS does, path and query parameters and the body to the handler', async () => {
    clearRecorded();
    const res = await call('/things/a%20b?x=1&x=2&y=z', {});
    expect(res.status).toBe(201);
    expect(res.headers.get('x-test')).toBe('yes');
    const body = (await res.json()) as { claims: Record<string, string>; pathParameters: object; query: object; routeKey: string };
    expect(body.routeKey).toBe('GET /things/{id}');
    expect(body.pathParameters).toEqual({ id: 'a b' });
    expect(body.query).toEqual({ x: '1,2', y: 'z' });
    expect(body.claims).toMatchObject({ email: 'ana@example.com', 'cognito:groups': '[admins analysts]', token_use: 'id', aud: cloud.endpoints.userPoolClientId });
    expect(Object.values(body.claims).every((v) => typeof v === 'string')).toBe(true);
    const event = recorded('http')[0]?.event as { headers: Record<string, string> };
    expect(event).toMatchObject({ version: '2.0', rawPath: '/things/a%20b', rawQueryString: 'x=1&x=2&y=z', isBase64Encoded: false });
    expect((event as Record<string, unknown>)['requestContext']).toMatchObject({ http: { method: 'GET', path: '/things/a%20b', sourceIp: '127.0.0.1' }, stage: '$default', routeKey: 'GET /things/{id}' });
    expect(event.headers['authorization']).toMatch(/^Bearer /);
  });

  it('passes a JSON body as text and a binary body as base64', async () => {
    const json = await (await call('/things', { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' } })).json();
    expect(json).toMatchObject({ routeKey: 'POST /things', body: '{"a":1}' });
    await call('/things', { method: 'POST', body: new Uint8Array([0, 255, 1]), headers: { 'content-type': 'application/octet-stream' } });
    expect(recorded('http').at(-1)?.event).toMatchObject({ body: 'AP8B', isBase64Encoded: true });
  });

  it('turns a result without statusCode into a 200 JSON response', async () => {
    const res = await call('/plain');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ answer: 42 });
  });

  it.each([
    ['no Authorization header', null],
    ['a malformed token', 'not.a.jwt'],
    ['a tampered token', () => `${idToken.slice(0, -4)}AAAA`],
    ['an access token', 'ACCESS'],
  ])('answers 401 before the handler for %s', async (_label, token) => {
    clearRecorded();
    let value: string | null = typeof token === 'function' ? token() : token;
    if (value === 'ACCESS') {
      const cognito = cognitoClient(cloud);
      const auth = await cognito.send(new InitiateAuthCommand({ ClientId: cloud.endpoints.userPoolClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'ana@example.com', PASSWORD: GOOD_PASSWORD } }));
      value = String(auth.AuthenticationResult?.AccessToken);
      cognito.destroy();
    }
    const res = await call('/things/1', {}, value);
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ message: 'Unauthorized' });
    expect(recorded('http')).toHaveLength(0);
  });

  it('answers 500 Internal Server Error when the handler throws or is not written yet, then keeps serving', async () => {
    expect((await call('/boom')).status).toBe(500);
    const missing = await call('/reports');
    expect(missing.status).toBe(500);
    expect(await missing.json()).toEqual({ message: 'Internal Server Error' });
    expect((await call('/things/2')).status).toBe(201);
  });

  it('answers 404 Not Found for a route that does not exist', async () => {
    const res = await call('/nowhere');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ message: 'Not Found' });
    expect((await call('/things', { method: 'DELETE' })).status).toBe(404);
  });

  it('answers CORS preflights for the web origin only, and adds the origin to responses', async () => {
    const preflight = (origin: string) =>
      fetch(`${cloud.endpoints.rest}/things/1`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    const allowed = await preflight(cloud.endpoints.web);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(cloud.endpoints.web);
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/);
    const foreign = await preflight('http://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const res = await call('/things/1', { headers: { origin: cloud.endpoints.web } });
    expect(res.headers.get('access-control-allow-origin')).toBe(cloud.endpoints.web);
  });
});
