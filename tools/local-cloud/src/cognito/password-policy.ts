/** The user pool's password policy (as in the sample): at least 8 characters with upper, lower, digit and symbol. */
export interface PasswordPolicy {
  readonly MinimumLength: number;
  readonly RequireUppercase: boolean;
  readonly RequireLowercase: boolean;
  readonly RequireNumbers: boolean;
  readonly RequireSymbols: boolean;
}

export const REDWIRE_PASSWORD_POLICY: PasswordPolicy = {
  MinimumLength: 8,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};

/** Cognito's accepted special characters (and the space). */
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+\- ]/;

/**
 * Returns Cognito's `InvalidPasswordException` message for a password that breaks the policy, or undefined.
 * The checks and wording follow Cognito: length first, then lower, upper, numeric, symbol.
 */
export function passwordPolicyViolation(password: unknown, policy: PasswordPolicy = REDWIRE_PASSWORD_POLICY): string | undefined {
  if (typeof password !== 'string') return 'Password did not conform with policy: Password not long enough';
  const fail = (reason: string) => `Password did not conform with policy: ${reason}`;
  if ([...password].length < policy.MinimumLength) return fail('Password not long enough');
  if (policy.RequireLowercase && !/[a-z]/.test(password)) return fail('Password must have lowercase characters');
  if (policy.RequireUppercase && !/[A-Z]/.test(password)) return fail('Password must have uppercase characters');
  if (policy.RequireNumbers && !/[0-9]/.test(password)) return fail('Password must have numeric characters');
  if (policy.RequireSymbols && !SYMBOLS.test(password)) return fail('Password must have symbol characters');
  return undefined;
}

/** Which field of which operation carries a new password. */
export const NEW_PASSWORD_FIELDS: Readonly<Record<string, string>> = {
  SignUp: 'Password',
  ConfirmForgotPassword: 'Password',
  ChangePassword: 'ProposedPassword',
  AdminSetUserPassword: 'Password',
};
