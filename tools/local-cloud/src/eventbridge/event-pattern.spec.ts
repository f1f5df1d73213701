import { describe, expect, it } from 'vitest';
import { statementStatusRule } from '@redwire/system';
import { InvalidEventPatternError, matchesEventPattern, validateEventPattern } from './event-pattern.js';

const event = (detail: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ source: 'aws.redshift-data', 'detail-type': 'Redshift Data Statement Status Change', detail, ...extra });

describe('matchesEventPattern', () => {
  it("matches Redwire's statement-status rule only for its prefix and final states", () => {
    const rule = statementStatusRule.eventPattern;
    expect(matchesEventPattern(rule, event({ statementName: 'redwire:trips:k', state: 'FINISHED' }))).toBe(true);
    expect(matchesEventPattern(rule, event({ statementName: 'redwire:trips:k', state: 'ABORTED' }))).toBe(true);
    expect(matchesEventPattern(rule, event({ statementName: 'redwire:trips:k', state: 'STARTED' }))).toBe(false);
    expect(matchesEventPattern(rule, event({ statementName: 'other:trips:k', state: 'FINISHED' }))).toBe(false);
    expect(matchesEventPattern(rule, event({ state: 'FINISHED' }))).toBe(false);
    expect(matchesEventPattern(rule, { ...event({ statementName: 'redwire:x', state: 'FAILED' }), source: 'aws.other' })).toBe(false);
  });

  it('matches exact strings, numbers, booleans and null', () => {
    expect(matchesEventPattern({ a: ['x', 1, true, null] }, { a: 1 })).toBe(true);
    expect(matchesEventPattern({ a: ['x', 1, true, null] }, { a: null })).toBe(true);
    expect(matchesEventPattern({ a: ['x', 1, true, null] }, { a: '1' })).toBe(false);
    expect(matchesEventPattern({ a: [true] }, { a: false })).toBe(false);
  });

  it('matches suffix and prefix only on strings', () => {
    expect(matchesEventPattern({ p: [{ suffix: '/notify' }] }, { p: 'arn:role/notify' })).toBe(true);
    expect(matchesEventPattern({ p: [{ suffix: '/notify' }] }, { p: 'arn:role/other' })).toBe(false);
    expect(matchesEventPattern({ p: [{ prefix: '1' }] }, { p: 12 })).toBe(false);
  });

  it('matches anything-but values, lists and prefixes, but not a missing field', () => {
    expect(matchesEventPattern({ s: [{ 'anything-but': 'STARTED' }] }, { s: 'FINISHED' })).toBe(true);
    expect(matchesEventPattern({ s: [{ 'anything-but': ['STARTED', 'PICKED'] }] }, { s: 'PICKED' })).toBe(false);
    expect(matchesEventPattern({ s: [{ 'anything-but': { prefix: 'tmp' } }] }, { s: 'tmp-1' })).toBe(false);
    expect(matchesEventPattern({ s: [{ 'anything-but': { prefix: 'tmp' } }] }, { s: 'keep' })).toBe(true);
    expect(matchesEventPattern({ s: [{ 'anything-but': 'x' }] }, {})).toBe(false);
  });

  it('matches exists true and false on leaf fields', () => {
    expect(matchesEventPattern({ e: [{ exists: true }] }, { e: 0 })).toBe(true);
    expect(matchesEventPattern({ e: [{ exists: true }] }, {})).toBe(false);
    expect(matchesEventPattern({ e: [{ exists: false }] }, {})).toBe(true);
    expect(matchesEventPattern({ e: [{ exists: false }] }, { e: 'x' })).toBe(false);
  });

  it('matches numeric ranges', () => {
    const range = { n: [{ numeric: ['>', 0, '<=', 5] }] };
    expect(matchesEventPattern(range, { n: 5 })).toBe(true);
    expect(matchesEventPattern(range, { n: 0 })).toBe(false);
    expect(matchesEventPattern(range, { n: '3' })).toBe(false);
    expect(matchesEventPattern({ n: [{ numeric: ['=', 3] }] }, { n: 3 })).toBe(true);
    expect(matchesEventPattern({ n: [{ numeric: ['>=', 3] }] }, { n: 2.5 })).toBe(false);
    expect(matchesEventPattern({ n: [{ numeric: ['<', 3] }] }, { n: 2.5 })).toBe(true);
  });

  it('matches an array field when any element matches', () => {
    expect(matchesEventPattern({ resources: [{ prefix: 'arn:aws:redshift' }] }, { resources: ['x', 'arn:aws:redshift:cluster'] })).toBe(true);
    expect(matchesEventPattern({ resources: ['y'] }, { resources: ['x'] })).toBe(false);
  });

  it('needs nested objects to be objects', () => {
    expect(matchesEventPattern({ detail: { a: ['1'] } }, { detail: 'a' })).toBe(false);
    expect(matchesEventPattern({ detail: { a: ['1'] } }, null)).toBe(false);
  });
});

describe('validateEventPattern', () => {
  it('accepts the patterns Redwire uses', () => {
    expect(() => validateEventPattern(statementStatusRule.eventPattern)).not.toThrow();
    expect(() => validateEventPattern({ n: [{ numeric: ['>', 0, '<', 9] }], e: [{ exists: false }], s: [{ suffix: 'x' }] })).not.toThrow();
  });

  it.each([
    ['a non-object', 'x'],
    ['an empty pattern', {}],
    ['an empty list', { a: [] }],
    ['an unknown operator', { a: [{ wildcard: '*' }] }],
    ['a prefix that is not text', { a: [{ prefix: 1 }] }],
    ['exists that is not boolean', { a: [{ exists: 'yes' }] }],
    ['a numeric range with a bad operator', { a: [{ numeric: ['>>', 1] }] }],
    ['a numeric range without a bound', { a: [{ numeric: ['>'] }] }],
    ['a nested empty object', { detail: {} }],
  ])('rejects %s with InvalidEventPatternException', (_label, pattern) => {
    const error = (() => {
      try {
        validateEventPattern(pattern);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(InvalidEventPatternError);
    expect((error as InvalidEventPatternError).code).toBe('InvalidEventPatternException');
  });
});
