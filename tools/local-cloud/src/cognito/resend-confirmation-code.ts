import type { Services } from 'cognito-local/lib/services/index.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import { attributeValue } from 'cognito-local/lib/services/userPoolService.js';

/** The errors this operation raises itself; the caller turns them into awsJson errors. */
export class ResendRefusedError extends Error {
  constructor(
    readonly type: 'InvalidParameterException' | 'UserNotFoundException' | 'NotAuthorizedException',
    message: string,
  ) {
    super(message);
  }
}

export interface CodeDeliveryDetails {
  readonly Destination: string;
  readonly DeliveryMedium: 'EMAIL';
  readonly AttributeName: 'email';
}

type ResendServices = Pick<Services, 'cognito' | 'clock' | 'messages' | 'otp'>;

/** Cognito's masking of an e-mail destination: `ana@example.com` → `a***@e***`. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0) return `${address.slice(0, 1)}***`;
  return `${address.slice(0, 1)}***@${address.slice(at + 1, at + 2)}***`;
}

function requiredString(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (value === undefined || value === null) {
    throw new ResendRefusedError('InvalidParameterException', `1 validation error detected: Value null at '${field}' failed to satisfy constraint: Member must not be null`);
  }
  if (typeof value !== 'string' || value.length === 0) {
    throw new ResendRefusedError('InvalidParameterException', `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must be a non-empty string`);
  }
  return value;
}

/**
 * AWS's ResendConfirmationCode, which cognito-local 5.3 lacks: an UNCONFIRMED user of the client's pool gets a new
 * code (stored on the user record, where cognito-local's ConfirmSignUp checks it, so the old code stops working) sent
 * through cognito-local's message service (so it lands in the dev mailbox like a sign-up code).
 * An unknown or disabled user gets what the app client's `PreventUserExistenceErrors` dictates: `ENABLED` → a
 * simulated delivery to the masked username and nothing sent; otherwise (`LEGACY`, AWS's API default) →
 * UserNotFoundException / NotAuthorizedException.
 */
export async function resendConfirmationCode(services: ResendServices, ctx: Context, body: Record<string, unknown>): Promise<{ CodeDeliveryDetails: CodeDeliveryDetails }> {
  const clientId = requiredString(body, 'ClientId');
  const username = requiredString(body, 'Username');
  const userPool = await services.cognito.getUserPoolForClientId(ctx, clientId);
  const appClient = await services.cognito.getAppClient(ctx, clientId);
  const hideExistence = appClient?.PreventUserExistenceErrors === 'ENABLED';
  const user = await userPool.getUserByUsername(ctx, username);
  if (!user || !user.Enabled) {
    if (hideExistence) return { CodeDeliveryDetails: { Destination: maskEmail(username), DeliveryMedium: 'EMAIL', AttributeName: 'email' } };
    if (!user) throw new ResendRefusedError('UserNotFoundException', 'Username/client id combination not found.');
    throw new ResendRefusedError('NotAuthorizedException', 'User is disabled.');
  }
  if (user.UserStatus === 'CONFIRMED') throw new ResendRefusedError('InvalidParameterException', 'User is already confirmed.');
  if (user.UserStatus !== 'UNCONFIRMED') throw new ResendRefusedError('InvalidParameterException', `Cannot resend a confirmation code to a user in status ${user.UserStatus}.`);
  const email = attributeValue('email', user.Attributes);
  if (!email) throw new ResendRefusedError('InvalidParameterException', 'User has no email attribute to send the code to.');

  let code = services.otp();
  // A fresh random code must differ from the old one (unless CODE pins every code for tests).
  for (let tries = 0; code === user.ConfirmationCode && tries < 5 && process.env['CODE'] === undefined; tries++) code = services.otp();
  const deliveryDetails = { AttributeName: 'email', DeliveryMedium: 'EMAIL', Destination: email } as const;
  await services.messages.deliver(ctx, 'ResendCode', clientId, userPool.options.Id, user, code, body['ClientMetadata'] as Record<string, string> | undefined, deliveryDetails);
  await userPool.saveUser(ctx, { ...user, ConfirmationCode: code, UserLastModifiedDate: services.clock.get() });
  return { CodeDeliveryDetails: { ...deliveryDetails, Destination: maskEmail(email) } };
}
