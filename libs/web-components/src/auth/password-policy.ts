/** One rule of the user pool's password policy, as shown next to the password field. */
export interface PasswordRule {
  id: 'length' | 'upper' | 'lower' | 'digit' | 'symbol';
  label: string;
  test: (password: string) => boolean;
}

/** Cognito's symbol set for password policies. */
const SYMBOLS = /[\^$*.[\]{}()?"!@#%&/\\,><':;|_~`=+-]/;

/** The policy Redwire's user pool enforces: at least 8 characters with upper, lower, digit and symbol. */
export const PASSWORD_RULES: readonly PasswordRule[] = [
  { id: 'length', label: 'At least 8 characters', test: (p) => [...p].length >= 8 },
  { id: 'upper', label: 'An uppercase letter', test: (p) => /\p{Lu}/u.test(p) },
  { id: 'lower', label: 'A lowercase letter', test: (p) => /\p{Ll}/u.test(p) },
  { id: 'digit', label: 'A digit', test: (p) => /[0-9]/.test(p) },
  { id: 'symbol', label: 'A symbol such as ! @ # $ %', test: (p) => SYMBOLS.test(p) },
];

/** Each rule with whether `password` meets it, in display order. */
export function checkPassword(password: string): { rule: PasswordRule; met: boolean }[] {
  return PASSWORD_RULES.map((rule) => ({ rule, met: rule.test(password) }));
}

/** True when `password` meets every rule. */
export function isStrongPassword(password: string): boolean {
  return PASSWORD_RULES.every((rule) => rule.test(password));
}
