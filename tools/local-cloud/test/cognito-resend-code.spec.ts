import {
  CodeMismatchException,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  CreateUserPoolClientCommand,
  InitiateAuthCommand,
  InvalidParameterException,
  ResendConfirmationCodeCommand,
  ResourceNotFoundException,
  SignUpCommand,
  UserNotFoundException,
} from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCloud, type TestCloud } from './support/test-cloud.js';
import { codeFor, cognitoClient, GOOD_PASSWORD, signedInUser } from './support/cognito-user.js';

interface Mail {
  to: string;
  subject: string;
  code: string;
  sentAt: string;
}

describe('Cognito ResendConfirmationCode (added by the local cloud; cognito-local lacks it)', () => {
  let cloud: TestCloud;
  let cognito: CognitoIdentityProviderClient;
  const ClientId = () => cloud.endpoints.userPoolClientId;
  const mails = async (to: string) => ((await (await fetch(`${cloud.endpoints.web}/_dev/mail.json`)).json()) as Mail[]).filter((m) => m.to === to);
  const signUp = (Username: string) => cognito.send(new SignUpCommand({ ClientId: ClientId(), Username, Password: GOOD_PASSWORD, UserAttributes: [{ Name: 'email', Value: Username }] }));
  const resend = (Username: string, clientId = ClientId()) => cognito.send(new ResendConfirmationCodeCommand({ ClientId: clientId, Username }));
  const rawResend = (body: string) =>
    fetch(cloud.endpoints.cognito, { method: 'POST', headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.ResendConfirmationCode', 'content-type': 'application/x-amz-json-1.1' }, body });

  beforeAll(async () => {
    cloud = await startTestCloud();
    cognito = cognitoClient(cloud);
  });
  afterAll(async () => {
    cognito.destroy();
    await cloud.dispose();
  });

  it('sends a new code to the dev mailbox; the old code is refused and the new one confirms', async () => {
    await signUp('fay@example.com');
    const oldCode = await codeFor(cloud, 'fay@example.com');
    const before = Date.now();
    const answer = await resend('fay@example.com');
    expect(answer.CodeDeliveryDetails).toEqual({ Destination: 'f***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    const [newest, first, ...rest] = await mails('fay@example.com');
    expect(rest).toHaveLength(0);
    expect(first?.code).toBe(oldCode);
    expect(newest).toMatchObject({ to: 'fay@example.com', subject: expect.any(String), code: expect.stringMatching(/^\d{6}$/) });
    expect(Date.parse(String(newest?.sentAt))).toBeGreaterThanOrEqual(before - 1000);
    expect(newest?.code).not.toBe(oldCode);

    const confirm = (ConfirmationCode: string) => cognito.send(new ConfirmSignUpCommand({ ClientId: ClientId(), Username: 'fay@example.com', ConfirmationCode }));
    await expect(confirm(oldCode)).rejects.toBeInstanceOf(CodeMismatchException);
    await expect(confirm(String(newest?.code))).resolves.toBeDefined();
    const auth = await cognito.send(new InitiateAuthCommand({ ClientId: ClientId(), AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'fay@example.com', PASSWORD: GOOD_PASSWORD } }));
    expect(auth.AuthenticationResult?.IdToken).toEqual(expect.any(String));
  });

  it('refuses a confirmed user with InvalidParameterException and sends nothing', async () => {
    await signedInUser(cloud, 'gus@example.com');
    const error = await resend('gus@example.com').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidParameterException);
    expect((error as Error).message).toBe('User is already confirmed.');
    expect(await mails('gus@example.com')).toHaveLength(1);
  });

  it('hides an unknown user behind a simulated delivery on the Redwire client (PreventUserExistenceErrors ENABLED)', async () => {
    const answer = await resend('nobody-here@example.com');
    expect(answer.CodeDeliveryDetails).toEqual({ Destination: 'n***@e***', DeliveryMedium: 'EMAIL', AttributeName: 'email' });
    expect(await mails('nobody-here@example.com')).toHaveLength(0);
  });

  it('answers UserNotFoundException for an unknown user on a LEGACY client', async () => {
    const legacy = await cognito.send(new CreateUserPoolClientCommand({ UserPoolId: cloud.endpoints.userPoolId, ClientName: 'legacy', PreventUserExistenceErrors: 'LEGACY' }));
    const error = await resend('nobody-here@example.com', String(legacy.UserPoolClient?.ClientId)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserNotFoundException);
    expect((error as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400);
  });

  it('answers ResourceNotFoundException for an unknown client id', async () => {
    await signUp('hal@example.com');
    await expect(resend('hal@example.com', 'no-such-client')).rejects.toBeInstanceOf(ResourceNotFoundException);
    expect(await mails('hal@example.com')).toHaveLength(1);
  });

  it('refuses malformed input with AWS error shapes and changes nothing', async () => {
    await signUp('ida@example.com');
    const code = await codeFor(cloud, 'ida@example.com');
    const cases: [string, string][] = [
      ['{nope', 'SerializationException'],
      ['{}', 'InvalidParameterException'],
      [JSON.stringify({ ClientId: ClientId() }), 'InvalidParameterException'],
      [JSON.stringify({ ClientId: ClientId(), Username: 42 }), 'InvalidParameterException'],
      [JSON.stringify({ ClientId: '', Username: 'ida@example.com' }), 'InvalidParameterException'],
    ];
    for (const [body, type] of cases) {
      const response = await rawResend(body);
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-errortype')).toBe(type);
      expect(await response.json()).toMatchObject({ __type: type, message: expect.any(String) });
    }
    expect(await mails('ida@example.com')).toHaveLength(1);
    await expect(cognito.send(new ConfirmSignUpCommand({ ClientId: ClientId(), Username: 'ida@example.com', ConfirmationCode: code }))).resolves.toBeDefined();
  });
});
