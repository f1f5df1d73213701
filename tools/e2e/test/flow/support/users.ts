import { randomUUID } from 'node:crypto';
import { CognitoIdentityProviderClient, ConfirmSignUpCommand, InitiateAuthCommand, SignUpCommand } from '@aws-sdk/client-cognito-identity-provider';
// The suite drives the local cloud (a tool, projectType application) in-process, as issue 5 asks.
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { LocalCloud } from '@redwire/local-cloud';

const PASSWORD = 'Sunny-Day-42';

export interface SignedInUser {
  readonly email: string;
  readonly idToken: string;
}

async function confirmationCode(cloud: LocalCloud, email: string): Promise<string> {
  const mails = (await (await fetch(`${cloud.endpoints.web}/_dev/mail.json`)).json()) as { to: string; code: string }[];
  const mail = mails.filter((m) => m.to === email).at(-1);
  if (!mail) throw new Error(`no confirmation mail for ${email}`);
  return mail.code;
}

/** A new user through the real Cognito API: SignUp → code from the dev mail page → ConfirmSignUp → InitiateAuth. */
export async function signUpAndSignIn(cloud: LocalCloud, name: string): Promise<SignedInUser> {
  const email = `${name}-${randomUUID().slice(0, 8)}@example.com`;
  const cognito = new CognitoIdentityProviderClient({ endpoint: cloud.endpoints.cognito, region: cloud.endpoints.region, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const ClientId = cloud.endpoints.userPoolClientId;
  try {
    await cognito.send(new SignUpCommand({ ClientId, Username: email, Password: PASSWORD, UserAttributes: [{ Name: 'email', Value: email }] }));
    await cognito.send(new ConfirmSignUpCommand({ ClientId, Username: email, ConfirmationCode: await confirmationCode(cloud, email) }));
    const auth = await cognito.send(new InitiateAuthCommand({ ClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD } }));
    const idToken = auth.AuthenticationResult?.IdToken;
    if (!idToken) throw new Error('InitiateAuth returned no ID token');
    return { email, idToken };
  } finally {
    cognito.destroy();
  }
}
