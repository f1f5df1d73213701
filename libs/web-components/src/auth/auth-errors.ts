/** What the user was doing when Cognito answered with an error; the same code reads differently per step. */
export type AuthStep = 'sign-up' | 'verify' | 'resend' | 'sign-in' | 'forgot' | 'reset' | 'sign-out' | 'session';

/** An error from Cognito, however the SDK shaped it. */
interface CognitoLikeError {
  code?: unknown;
  name?: unknown;
  message?: unknown;
}

function errorCode(error: unknown): string {
  if (typeof error !== 'object' || error === null) return '';
  const { code, name } = error as CognitoLikeError;
  if (typeof code === 'string' && code !== '') return code;
  return typeof name === 'string' ? name : '';
}

/**
 * A plain-words message for a Cognito error. Never echoes the server's text,
 * which may name internals; unknown errors get a generic sentence.
 */
export function authErrorMessage(step: AuthStep, error: unknown): string {
  const code = errorCode(error);
  switch (code) {
    case 'NotAuthorizedException':
      return step === 'sign-in' ? 'Wrong email or password.' : 'Your session has ended. Please sign in again.';
    case 'InvalidPasswordException':
      // cognito-local answers a wrong password with this code on sign-in; AWS uses it for weak passwords.
      return step === 'sign-in'
        ? 'Wrong email or password.'
        : 'That password is too weak: use at least 8 characters with an uppercase letter, a lowercase letter, a digit and a symbol.';
    case 'UsernameExistsException':
      return 'An account with this email already exists. Sign in instead, or use Forgot password.';
    case 'UserNotFoundException':
      return step === 'sign-in' ? 'Wrong email or password.' : 'There is no account with this email.';
    case 'UserNotConfirmedException':
      return 'This account is not verified yet. Enter the verification code we emailed you.';
    case 'CodeMismatchException':
      return 'That verification code is wrong. Check the email and try again.';
    case 'ExpiredCodeException':
      return 'That verification code has expired. Use Resend code to get a new one.';
    case 'LimitExceededException':
    case 'TooManyRequestsException':
    case 'TooManyFailedAttemptsException':
      return 'Too many attempts. Please wait a few minutes and try again.';
    case 'InvalidParameterException':
      return step === 'sign-up' || step === 'reset'
        ? 'Please check the email address and the password.'
        : 'Please check what you entered.';
    case 'NetworkError':
      return 'Cannot reach the sign-in service. Check your connection and try again.';
    default:
      return 'Something went wrong. Please try again.';
  }
}
