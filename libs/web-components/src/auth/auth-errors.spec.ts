import { describe, expect, it } from 'vitest';
import { authErrorMessage } from './auth-errors.js';

describe('auth error messages', () => {
  it('says "wrong email or password" for a wrong password, as AWS and as cognito-local report it', () => {
    expect(authErrorMessage('sign-in', { code: 'NotAuthorizedException', message: 'Incorrect username or password.' })).toBe('Wrong email or password.');
    expect(authErrorMessage('sign-in', { code: 'InvalidPasswordException' })).toBe('Wrong email or password.');
    expect(authErrorMessage('sign-in', { name: 'UserNotFoundException' })).toBe('Wrong email or password.');
  });

  it('explains a weak password on sign-up and on reset', () => {
    expect(authErrorMessage('sign-up', { code: 'InvalidPasswordException' })).toMatch(/too weak/);
    expect(authErrorMessage('reset', { code: 'InvalidPasswordException' })).toMatch(/too weak/);
  });

  it('says the user exists, and that a code is wrong or expired', () => {
    expect(authErrorMessage('sign-up', { code: 'UsernameExistsException' })).toMatch(/already exists/);
    expect(authErrorMessage('verify', { code: 'CodeMismatchException' })).toMatch(/code is wrong/);
    expect(authErrorMessage('verify', { code: 'ExpiredCodeException' })).toMatch(/expired/);
  });

  it('never echoes the server text of an unknown error', () => {
    const message = authErrorMessage('sign-in', { code: 'InternalErrorException', message: 'stack at /var/task/index.js' });
    expect(message).toBe('Something went wrong. Please try again.');
  });
});
