import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import { CognitoError, UnsupportedError } from 'cognito-local/lib/errors.js';
import { Router } from 'cognito-local/lib/server/Router.js';
import { DefaultConfig } from 'cognito-local/lib/server/config.js';
import { DateClock, LambdaService, MessagesService, TriggersService } from 'cognito-local/lib/services/index.js';
import { UserPoolServiceFactoryImpl } from 'cognito-local/lib/services/userPoolService.js';
import { CognitoServiceFactoryImpl } from 'cognito-local/lib/services/cognitoService.js';
import { CryptoService } from 'cognito-local/lib/services/crypto.js';
import { StormDBDataStoreFactory } from 'cognito-local/lib/services/dataStore/stormDb.js';
import { MessageDeliveryService } from 'cognito-local/lib/services/messageDelivery/messageDelivery.js';
import { otp } from 'cognito-local/lib/services/otp.js';
import { JwtTokenGenerator } from 'cognito-local/lib/services/tokenGenerator.js';
import type { Jwks } from '@redwire/auth';
import type { DevMailbox } from './dev-mailbox.js';
import { NEW_PASSWORD_FIELDS, passwordPolicyViolation } from './password-policy.js';
import { resendConfirmationCode, ResendRefusedError } from './resend-confirmation-code.js';

/** A Cognito error as the awsJson protocol returns it. */
export class CognitoApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
  }
}

export type CognitoCall = (target: string, body: Record<string, unknown>) => Promise<unknown>;

const requireCjs = createRequire(import.meta.url);

/** The public key cognito-local signs every token with (local use only). */
export function cognitoLocalJwks(): Jwks {
  const file = requireCjs.resolve('cognito-local/lib/keys/cognitoLocal.public.json');
  return { keys: [(requireCjs(file) as { jwk: Jwks['keys'][number] }).jwk] };
}

export interface CognitoServiceOptions {
  /** Where users, pools and clients are kept (StormDB JSON files). */
  readonly dataDir: string;
  /** Token issuer domain: `http://127.0.0.1:<port>`; the issuer is `<domain>/<poolId>`. */
  readonly issuerDomain: string;
  readonly mailbox: DevMailbox;
  readonly logger: Logger;
  /** Print codes to stdout for a person at the console. */
  readonly printCodes: boolean;
}

/**
 * cognito-local's services, driven in-process, with what it lacks: the pool's password policy enforced on every
 * new password, AWS's NotAuthorizedException for a wrong password or unknown user on sign-in, and codes captured
 * in the dev mailbox, and ResendConfirmationCode (resend-confirmation-code.ts).
 */
export async function createCognitoService(options: CognitoServiceOptions): Promise<CognitoCall> {
  mkdirSync(options.dataDir, { recursive: true });
  const logger = options.logger;
  const ctx = { logger };
  const clock = new DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(options.dataDir);
  const cognito = await new CognitoServiceFactoryImpl(options.dataDir, dataStoreFactory, new UserPoolServiceFactoryImpl(clock, dataStoreFactory)).create(
    ctx as never,
    { ...DefaultConfig.UserPoolDefaults },
  );
  const triggers = new TriggersService(clock, cognito, new LambdaService({}, {} as never), new CryptoService({}));
  const sender = {
    sendEmail: async (_ctx: unknown, _user: unknown, destination: string, message: { __code?: string; emailSubject?: string }) => {
      const mail = { to: destination, subject: message.emailSubject ?? 'Your Redwire verification code', code: message.__code ?? '', sentAt: new Date().toISOString() };
      options.mailbox.add(mail);
      logger.info({ to: mail.to }, 'verification code sent (see /_dev/mail)');
      if (options.printCodes) process.stdout.write(`\n  Cognito code for ${mail.to}: ${mail.code}\n\n`);
    },
    sendSms: async () => undefined,
  };
  const services = {
    clock,
    cognito,
    config: { ...DefaultConfig, TokenConfig: { IssuerDomain: options.issuerDomain } },
    messages: new MessagesService(triggers, new MessageDeliveryService(sender)),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, { IssuerDomain: options.issuerDomain }),
    triggers,
  };
  const router = Router(services as never);

  return async (target, body) => {
    const field = NEW_PASSWORD_FIELDS[target];
    if (field) {
      const violation = passwordPolicyViolation(body[field]);
      if (violation) throw new CognitoApiError('InvalidPasswordException', violation);
    }
    try {
      if (target === 'ResendConfirmationCode') return await resendConfirmationCode(services, ctx as never, body);
      return await router(target)(ctx as never, body);
    } catch (error) {
      if (error instanceof ResendRefusedError) throw new CognitoApiError(error.type, error.message);
      if (error instanceof UnsupportedError) throw new CognitoApiError('InvalidParameterException', `The local Cognito does not support ${target}: ${error.message}`);
      if (!(error instanceof CognitoError)) throw error;
      const passwordFlow = (target === 'InitiateAuth' || target === 'AdminInitiateAuth') && String(body['AuthFlow']).endsWith('USER_PASSWORD_AUTH');
      if (passwordFlow && ['InvalidPasswordException', 'UserNotFoundException', 'NotAuthorizedException'].includes(error.code)) {
        throw new CognitoApiError('NotAuthorizedException', 'Incorrect username or password.');
      }
      throw new CognitoApiError(error.code, error.message);
    }
  };
}
