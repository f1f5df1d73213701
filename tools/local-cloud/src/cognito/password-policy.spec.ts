import { describe, expect, it } from 'vitest';
import { passwordPolicyViolation } from './password-policy.js';

describe('passwordPolicyViolation', () => {
  it.each(['Sunny-Day-42', 'Aa1!aaaa', 'Long pass 1A'])('accepts %s', (password) => {
    expect(passwordPolicyViolation(password)).toBeUndefined();
  });

  it.each([
    ['Aa1!aaa', 'Password not long enough'],
    ['AAAA1111!', 'Password must have lowercase characters'],
    ['aaaa1111!', 'Password must have uppercase characters'],
    ['Aaaaaaaa!', 'Password must have numeric characters'],
    ['Aaaa11111', 'Password must have symbol characters'],
    [undefined, 'Password not long enough'],
  ])('refuses %s: %s', (password, reason) => {
    expect(passwordPolicyViolation(password)).toBe(`Password did not conform with policy: ${reason}`);
  });
});
