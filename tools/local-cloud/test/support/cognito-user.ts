import {
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { LocalCloud } from '../../src/index.js';

export const GOOD_PASSWORD = 'Sunny-Day-42';

export function cognitoClient(cloud: LocalCloud): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({ endpoint: cloud.endpoints.cognito, region: cloud.endpoints.region });
}

/** The newest code the dev mail page shows for `email`. */
export async function codeFor(cloud: LocalCloud, email: string): Promise<string> {
  const mails = (await (await fetch(`${cloud.endpoints.web}/_dev/mail.json`)).json()) as { to: string; code: string }[];
  const mail = mails.find((m) => m.to === email);
  if (!mail) throw new Error(`no mail for ${email}`);
  return mail.code;
}

/** Sign-up → code from the dev mail page → confirm → sign in with USER_PASSWORD_AUTH. */
export async function signedInUser(cloud: LocalCloud, email: string) {
  const cognito = cognitoClient(cloud);
  const ClientId = cloud.endpoints.userPoolClientId;
  await cognito.send(new SignUpCommand({ ClientId, Username: email, Password: GOOD_PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] }));
  await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: await codeFor(cloud, email) }));
  const auth = await cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: GOOD_PASSWORD } }));
  cognito.destroy();
  if (!auth.AuthenticationResult?.IdToken) throw new Error(`no tokens for ${email}`);
  return auth.AuthenticationResult as { IdToken: string; AccessToken: string; RefreshToken: string };
}
