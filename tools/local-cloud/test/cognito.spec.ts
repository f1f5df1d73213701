import {
  AdminAddUserToGroupCommand,
  ChangePasswordCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  CreateGroupCommand,
  InitiateAuthCommand,
  InvalidPasswordException,
  ListUserPoolsCommand,
  NotAuthorizedException,
  SignUpCommand,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { createIdTokenVerifier, idTokenConfigFromEnv } from '@redwire/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from './support/test-cloud.js';
import { codeFor, cognitoClient, GOOD_PASSWORD, signedInUser } from './support/cognito-user.js';

describe('Cognito (cognito-local behind the local cloud)', () => {
  let cloud: TestCloud;
  let cognito: CognitoIdentityProviderClient;
  const ClientId = () => cloud.endpoints.userPoolClientId;

  beforeAll(async () => {
    cloud = await startTestCloud();
    cognito = cognitoClient(cloud);
  });
  afterAll(async () => {
    cognito.destroy();
    await cloud.dispose();
  });

  it('signs up, shows the code on the dev mail page, confirms, and issues ID tokens libs/auth verifies', async () => {
    const tokens = await signedInUser(cloud, 'ana@example.com');
    const verifier = createIdTokenVerifier(idTokenConfigFromEnv(cloud.environment));
    const identity = await verifier.verify(tokens.IdToken);
    expect(identity).toMatchObject({ email: 'ana@example.com', groups: [] });
    expect(identity.claims['iss']).toBe(`${cloud.endpoints.cognito}/${cloud.endpoints.userPoolId}`);
    expect(tokens.RefreshToken).toEqual(expect.any(String));
    const refreshed = await cognito.send(new InitiateAuthCommand({ ClientId: ClientId(), AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: String(tokens.RefreshToken) } }));
    await expect(verifier.verify(refreshed.AuthenticationResult?.IdToken)).resolves.toMatchObject({ sub: identity.sub });
  });

  it('lists codes on the HTML dev mail page, escaped', async () => {
    const email = `o'brien+<b>@example.com`;
    await cognito.send(new SignUpCommand({ ClientId: ClientId(), Username: email, Password: GOOD_PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] }));
    const page = await (await fetch(`${cloud.endpoints.web}/_dev/mail`)).text();
    expect(page).toContain('o&#39;brien+&lt;b&gt;@example.com');
    expect(page).not.toContain('<b>@');
    expect(page).toContain(await codeFor(cloud, email));
  });

  it.each([
    ['Sh0rt!', /not long enough/],
    ['alllower-case-1', /uppercase/],
    ['ALLUPPER-CASE-1', /lowercase/],
    ['No-Digits-Here', /numeric/],
    ['NoSymbols123', /symbol/],
  ])('refuses the sign-up password %s with InvalidPasswordException', async (Password, message) => {
    const Username = `weak-${Password.toLowerCase().replace(/[^a-z0-9]/g, '')}@example.com`;
    const error = await cognito.send(new SignUpCommand({ ClientId: ClientId(), Username, Password, UserAttributes: [{ Name: 'email', Value: Username }] })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidPasswordException);
    expect((error as Error).message).toMatch(message);
    await expect(cognito.send(new SignUpCommand({ ClientId: ClientId(), Username, Password: GOOD_PASSWORD, UserAttributes: [{ Name: 'email', Value: Username }] }))).resolves.toBeDefined();
  });

  it('enforces the policy on ChangePassword too', async () => {
    const tokens = await signedInUser(cloud, 'bo@example.com');
    await expect(cognito.send(new ChangePasswordCommand({ AccessToken: tokens.AccessToken, PreviousPassword: GOOD_PASSWORD, ProposedPassword: 'weak' }))).rejects.toBeInstanceOf(InvalidPasswordException);
  });

  it('answers NotAuthorizedException for a wrong password and for an unknown user, as AWS does', async () => {
    await signedInUser(cloud, 'cy@example.com');
    const attempt = (USERNAME: string, PASSWORD: string) =>
      cognito.send(new InitiateAuthCommand({ ClientId: ClientId(), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME, PASSWORD } })).catch((e: unknown) => e);
    for (const error of [await attempt('cy@example.com', 'Wrong-Password-1'), await attempt('nobody@example.com', GOOD_PASSWORD)]) {
      expect(error).toBeInstanceOf(NotAuthorizedException);
      expect((error as Error).message).toBe('Incorrect username or password.');
    }
  });

  it('keeps serving after bad input: wrong code, duplicate user, garbage bodies', async () => {
    await expect(cognito.send(new SignUpCommand({ ClientId: ClientId(), Username: 'ana@example.com', Password: GOOD_PASSWORD, UserAttributes: [{ Name: 'email', Value: 'ana@example.com' }] }))).rejects.toBeInstanceOf(UsernameExistsException);
    await cognito.send(new SignUpCommand({ ClientId: ClientId(), Username: 'dee@example.com', Password: GOOD_PASSWORD, UserAttributes: [{ Name: 'email', Value: 'dee@example.com' }] }));
    await expect(cognito.send(new ConfirmSignUpCommand({ ClientId: ClientId(), Username: 'dee@example.com', ConfirmationCode: '000000x' }))).rejects.toMatchObject({ name: 'CodeMismatchException' });
    const garbage = await fetch(cloud.endpoints.cognito, { method: 'POST', headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.SignUp', 'content-type': 'application/x-amz-json-1.1' }, body: '{nope' });
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ __type: 'SerializationException' });
    const noTarget = await fetch(cloud.endpoints.cognito, { method: 'POST', body: '{}' });
    expect((await noTarget.json()) as object).toMatchObject({ __type: 'UnknownOperationException' });
    const jwks = (await (await fetch(`${cloud.endpoints.cognito}/${cloud.endpoints.userPoolId}/.well-known/jwks.json`)).json()) as { keys: unknown[] };
    expect(jwks.keys).toHaveLength(1);
  });

  it('is reached by a client without an endpoint through AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER', async () => {
    const plain = new CognitoIdentityProviderClient({});
    const pools = await plain.send(new ListUserPoolsCommand({ MaxResults: 10 }));
    plain.destroy();
    expect(pools.UserPools?.map((p) => p.Id)).toContain(cloud.endpoints.userPoolId);
  });

  it('puts groups into the ID token', async () => {
    await cognito.send(new CreateGroupCommand({ UserPoolId: cloud.endpoints.userPoolId, GroupName: 'analysts' }));
    await signedInUser(cloud, 'eve@example.com');
    await cognito.send(new AdminAddUserToGroupCommand({ UserPoolId: cloud.endpoints.userPoolId, Username: 'eve@example.com', GroupName: 'analysts' }));
    const auth = await cognito.send(new InitiateAuthCommand({ ClientId: ClientId(), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'eve@example.com', PASSWORD: GOOD_PASSWORD } }));
    const verifier = createIdTokenVerifier(idTokenConfigFromEnv(cloud.environment));
    expect((await verifier.verify(auth.AuthenticationResult?.IdToken)).groups).toEqual(['analysts']);
  });
});
