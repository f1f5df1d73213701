import { describe, expect, it } from 'vitest';
import { parseDateFormat, strptimeFormats } from './date-format.js';
import { DialectError } from './dialect-error.js';

describe('Redshift datetime formats', () => {
  it('splits a format into fields and literals, longest code first', () => {
    expect(parseDateFormat('MonthYYYY')).toEqual([
      { kind: 'field', code: 'MONTH', text: 'Month', fillMode: false },
      { kind: 'field', code: 'YYYY', text: 'YYYY', fillMode: false },
    ]);
    expect(parseDateFormat('FMDD "of" MON')).toEqual([
      { kind: 'field', code: 'DD', text: 'DD', fillMode: true },
      { kind: 'literal', text: ' of ' },
      { kind: 'field', code: 'MON', text: 'MON', fillMode: false },
    ]);
  });

  it('reads adjacent fields with or without a space between them, as Redshift does', () => {
    expect(strptimeFormats('MonthYYYY')).toEqual(['%B%Y', '%B %Y']);
    expect(strptimeFormats('YYYY-MM')).toEqual(['%Y-%m']);
    expect(strptimeFormats('YYYY-MM-DD HH24:MI:SS')).toEqual(['%Y-%m-%d %H:%M:%S']);
  });

  it('names a field it cannot read', () => {
    expect(() => strptimeFormats('IW-YYYY')).toThrow(DialectError);
    expect(() => strptimeFormats('"unterminated')).toThrow(/unterminated/);
  });
});
