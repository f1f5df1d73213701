import type { EventPattern, PatternValue } from '@redwire/system';

/** An event pattern EventBridge would refuse (`InvalidEventPatternException`). */
export class InvalidEventPatternError extends Error {
  override readonly name = 'InvalidEventPatternError';
  readonly code = 'InvalidEventPatternException';
}

const OPERATORS = new Set(['prefix', 'suffix', 'anything-but', 'exists', 'numeric']);
const NUMERIC_OPS = new Set(['<', '<=', '=', '>', '>=']);

function validateMatcher(path: string, matcher: PatternValue): void {
  if (matcher === null || typeof matcher !== 'object') return;
  const keys = Object.keys(matcher);
  const [op] = keys;
  if (keys.length !== 1 || op === undefined || !OPERATORS.has(op)) {
    throw new InvalidEventPatternError(`Event pattern is not valid. Unrecognized match type ${keys.join(',')} at ${path}`);
  }
  const value = (matcher as Record<string, unknown>)[op];
  if ((op === 'prefix' || op === 'suffix') && typeof value !== 'string') {
    throw new InvalidEventPatternError(`Event pattern is not valid. ${op} match pattern must be a string at ${path}`);
  }
  if (op === 'exists' && typeof value !== 'boolean') {
    throw new InvalidEventPatternError(`Event pattern is not valid. exists match pattern must be either true or false at ${path}`);
  }
  if (op === 'numeric') {
    const items = Array.isArray(value) ? value : [];
    const pairs = items.length / 2;
    const wellFormed =
      items.length > 0 &&
      Number.isInteger(pairs) &&
      pairs <= 2 &&
      items.every((item, i) => (i % 2 === 0 ? NUMERIC_OPS.has(String(item)) : typeof item === 'number' && Number.isFinite(item)));
    if (!wellFormed) throw new InvalidEventPatternError(`Event pattern is not valid. Bad numeric range at ${path}`);
  }
}

/** Throws {@link InvalidEventPatternError} for anything outside the supported pattern language. */
export function validateEventPattern(pattern: unknown, path = ''): asserts pattern is EventPattern {
  if (pattern === null || typeof pattern !== 'object' || Array.isArray(pattern)) {
    throw new InvalidEventPatternError(`Event pattern is not valid. ${path || 'pattern'} must be an object`);
  }
  const entries = Object.entries(pattern);
  if (entries.length === 0) throw new InvalidEventPatternError(`Event pattern is not valid. ${path || 'pattern'} is empty`);
  for (const [key, value] of entries) {
    const here = path ? `${path}.${key}` : key;
    if (Array.isArray(value)) {
      if (value.length === 0) throw new InvalidEventPatternError(`Event pattern is not valid. Empty arrays are not allowed at ${here}`);
      for (const matcher of value) validateMatcher(here, matcher as PatternValue);
    } else {
      validateEventPattern(value, here);
    }
  }
}

function numericMatch(range: readonly (string | number)[], value: unknown): boolean {
  if (typeof value !== 'number') return false;
  for (let i = 0; i + 1 < range.length; i += 2) {
    const bound = Number(range[i + 1]);
    const ok = { '<': value < bound, '<=': value <= bound, '=': value === bound, '>': value > bound, '>=': value >= bound }[
      String(range[i]) as '<'
    ];
    if (!ok) return false;
  }
  return true;
}

function anythingBut(rule: unknown, value: unknown): boolean {
  if (rule !== null && typeof rule === 'object' && !Array.isArray(rule) && 'prefix' in rule) {
    return typeof value === 'string' && !value.startsWith(String((rule as { prefix: string }).prefix));
  }
  const excluded = Array.isArray(rule) ? rule : [rule];
  return !excluded.some((x) => x === value);
}

/** One matcher against one present scalar value. */
function matchesValue(matcher: PatternValue, value: unknown): boolean {
  if (matcher === null || typeof matcher !== 'object') return matcher === value;
  if ('prefix' in matcher) return typeof value === 'string' && value.startsWith(matcher.prefix);
  if ('suffix' in matcher) return typeof value === 'string' && value.endsWith(matcher.suffix);
  if ('anything-but' in matcher) return anythingBut(matcher['anything-but'], value);
  if ('numeric' in matcher) return numericMatch(matcher.numeric, value);
  return false;
}

function matchesField(matchers: readonly PatternValue[], present: boolean, value: unknown): boolean {
  return matchers.some((matcher) => {
    if (matcher !== null && typeof matcher === 'object' && 'exists' in matcher) {
      return matcher.exists === (present && !(value !== null && typeof value === 'object' && !Array.isArray(value)));
    }
    if (!present) return false;
    // An array field matches when any of its elements matches (EventBridge semantics).
    const values = Array.isArray(value) ? value : [value];
    return values.some((v) => matchesValue(matcher, v));
  });
}

/** Does the event match the pattern? Fields not named in the pattern are ignored; every named field must match. */
export function matchesEventPattern(pattern: EventPattern, event: unknown): boolean {
  const record = event !== null && typeof event === 'object' && !Array.isArray(event) ? (event as Record<string, unknown>) : {};
  return Object.entries(pattern).every(([key, rule]) => {
    const present = Object.prototype.hasOwnProperty.call(record, key);
    const value = record[key];
    if (Array.isArray(rule)) return matchesField(rule as readonly PatternValue[], present, value);
    return present && matchesEventPattern(rule as EventPattern, value);
  });
}
