import {
  AuthenticationDetails,
  CognitoUser,
  CognitoUserAttribute,
  CognitoUserPool,
  type CognitoUserSession,
} from 'amazon-cognito-identity-js';

/** How the session signs in: SRP in AWS; cognito-local only knows USER_PASSWORD_AUTH. */
export type AuthFlow = 'USER_SRP_AUTH' | 'USER_PASSWORD_AUTH';

export interface CognitoAuthOptions {
  userPoolId: string;
  clientId: string;
  /** Override for a local stand-in such as cognito-local (`http://127.0.0.1:9229/`). */
  endpoint?: string;
  authFlow: AuthFlow;
  storage?: Storage;
}

function callback<T>(resolve: (value: T) => void, reject: (error: unknown) => void) {
  return (error: unknown, result?: T) => (error ? reject(error) : resolve(result as T));
}

/**
 * The Cognito user pool as promises. Tokens stay inside this object and the
 * SDK's storage; nothing here logs or returns a password.
 */
export class CognitoAuth {
  readonly #pool: CognitoUserPool;
  readonly #options: CognitoAuthOptions;

  constructor(options: CognitoAuthOptions) {
    this.#options = options;
    this.#pool = new CognitoUserPool({
      UserPoolId: options.userPoolId,
      ClientId: options.clientId,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      ...(options.storage ? { Storage: options.storage } : {}),
    });
  }

  #user(email: string): CognitoUser {
    const user = new CognitoUser({ Username: email, Pool: this.#pool, ...(this.#options.storage ? { Storage: this.#options.storage } : {}) });
    user.setAuthenticationFlowType(this.#options.authFlow);
    return user;
  }

  signUp(email: string, password: string): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#pool.signUp(email, password, [new CognitoUserAttribute({ Name: 'email', Value: email })], [], callback(() => resolve(), reject)),
    );
  }

  confirmSignUp(email: string, code: string): Promise<void> {
    return new Promise((resolve, reject) => this.#user(email).confirmRegistration(code, true, callback(() => resolve(), reject)));
  }

  resendCode(email: string): Promise<void> {
    return new Promise((resolve, reject) => this.#user(email).resendConfirmationCode(callback(() => resolve(), reject)));
  }

  signIn(email: string, password: string): Promise<void> {
    const details = new AuthenticationDetails({ Username: email, Password: password });
    return new Promise((resolve, reject) =>
      this.#user(email).authenticateUser(details, {
        onSuccess: () => resolve(),
        onFailure: reject,
        newPasswordRequired: () => reject({ code: 'NotAuthorizedException' }),
      }),
    );
  }

  forgotPassword(email: string): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#user(email).forgotPassword({ onSuccess: () => resolve(), onFailure: reject, inputVerificationCode: () => resolve() }),
    );
  }

  confirmNewPassword(email: string, code: string, newPassword: string): Promise<void> {
    return new Promise((resolve, reject) =>
      this.#user(email).confirmPassword(code, newPassword, { onSuccess: () => resolve(), onFailure: reject }),
    );
  }

  /** The signed-in user's valid session (refreshed with the refresh token when the ID token expired), or `undefined`. */
  session(): Promise<CognitoUserSession | undefined> {
    return this.#currentSession().then((current) => current?.session);
  }

  #currentSession(): Promise<{ user: CognitoUser; session: CognitoUserSession } | undefined> {
    const user = this.#pool.getCurrentUser();
    if (user === null) return Promise.resolve(undefined);
    return new Promise((resolve) =>
      user.getSession((error: Error | null, session: CognitoUserSession | null) =>
        resolve(error || !session?.isValid() ? undefined : { user, session }),
      ),
    );
  }

  /** A current ID token; throws when nobody is signed in. */
  async idToken(): Promise<string> {
    const session = await this.session();
    if (session === undefined) throw Object.assign(new Error('Not signed in.'), { code: 'NotAuthorizedException' });
    return session.getIdToken().getJwtToken();
  }

  /** The signed-in user's email (from the ID token's claims), or `undefined`. */
  async email(): Promise<string | undefined> {
    const payload = (await this.session())?.getIdToken().decodePayload();
    return typeof payload?.['email'] === 'string' ? payload['email'] : undefined;
  }

  /**
   * Signs out for real: revokes this session's refresh token at Cognito
   * (RevokeToken, so no new ID tokens can be minted from it) and clears every
   * token this page stored, even when the revoke call fails.
   */
  async signOut(): Promise<void> {
    const current = await this.#currentSession();
    if (current !== undefined) await new Promise<void>((resolve) => current.user.signOut(() => resolve()));
    this.#pool.getCurrentUser()?.signOut();
    // Whatever the SDK left behind for this app client goes too.
    const storage = this.#options.storage ?? globalThis.localStorage;
    const prefix = `CognitoIdentityServiceProvider.${this.#options.clientId}.`;
    for (const key of Object.keys(storage)) if (key.startsWith(prefix)) storage.removeItem(key);
  }
}
