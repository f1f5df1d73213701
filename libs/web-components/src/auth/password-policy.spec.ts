import { describe, expect, it } from 'vitest';
import { checkPassword, isStrongPassword } from './password-policy.js';

describe('password policy', () => {
  it('accepts a password with 8+ characters, upper, lower, digit and symbol', () => {
    expect(isStrongPassword('Redwire#2015')).toBe(true);
  });

  it.each([
    ['Rw#2015', 'length'],
    ['redwire#2015', 'upper'],
    ['REDWIRE#2015', 'lower'],
    ['Redwire#abcd', 'digit'],
    ['Redwire2015x', 'symbol'],
  ])('names the one rule %s misses (%s)', (password, missing) => {
    const unmet = checkPassword(password).filter((check) => !check.met).map((check) => check.rule.id);
    expect(unmet).toEqual([missing]);
    expect(isStrongPassword(password)).toBe(false);
  });

  it('reports every rule unmet for an empty password', () => {
    expect(checkPassword('').every((check) => !check.met)).toBe(true);
  });
});
