import { describe, expect, it } from 'vitest';
import { paramDefinitionSchema, type ParamDefinition } from './param-definition.js';
import { paramDataApiValues, paramDefinitionProblems, paramJsonSchema, paramPlaceholderNames, paramValueSchema } from './param-values.js';

const month: ParamDefinition = { name: 'month', label: 'Month', kind: 'month', min: '2015-01', max: '2015-12' };
const day: ParamDefinition = { name: 'day', label: 'Day', kind: 'date', min: '2015-01-01', max: '2015-12-31' };
const period: ParamDefinition = { name: 'period', label: 'Period', kind: 'date-range', min: '2015-01-01', max: '2015-12-31', maxDays: 31 };
const count: ParamDefinition = { name: 'n', label: 'Count', kind: 'integer', min: -5, max: 10 };
const miles: ParamDefinition = { name: 'miles', label: 'Miles', kind: 'number', min: 0.5, max: 100 };
const vendor: ParamDefinition = { name: 'vendor', label: 'Vendor', kind: 'enum', values: [{ value: 'any', label: 'All' }, { value: '1', label: 'CMT' }] };
const code: ParamDefinition = { name: 'code', label: 'Code', kind: 'text', maxLength: 8, pattern: '[A-Z]+' };

const accepts = (def: ParamDefinition, value: unknown) => paramValueSchema(def).safeParse(value).success;
const messageFor = (def: ParamDefinition, value: unknown) => paramValueSchema(def).safeParse(value).error?.issues[0]?.message;

describe('month parameter', () => {
  it('accepts the first and last month of its range', () => {
    expect(accepts(month, '2015-01')).toBe(true);
    expect(accepts(month, '2015-12')).toBe(true);
  });

  it('rejects months just outside its range, malformed months and non-strings', () => {
    expect(messageFor(month, '2014-12')).toBe('must be a month from 2015-01 to 2015-12');
    expect(messageFor(month, '2016-01')).toBe('must be a month from 2015-01 to 2015-12');
    for (const bad of ['2015-13', '2015-00', '2015-1', 'December 2015', '2015-01-01', '', 201501, null, new Date(2015, 0)]) {
      expect(accepts(month, bad), String(bad)).toBe(false);
    }
    expect(messageFor(month, '2015-13')).toBe('must be a month as YYYY-MM');
  });

  it('binds the month as the same plain string, never through a Date', () => {
    expect(paramDataApiValues(month, '2015-03')).toEqual([{ name: 'month', value: '2015-03' }]);
  });

  it('describes itself as a month string with its bounds and label', () => {
    expect(paramJsonSchema(month)).toMatchObject({ type: 'string', format: 'month', title: 'Month', formatMinimum: '2015-01', formatMaximum: '2015-12' });
    expect(new RegExp(paramJsonSchema(month)['pattern'] as string).test('2015-13')).toBe(false);
  });
});

describe('date parameter', () => {
  it('accepts real dates at both bounds and rejects impossible or out-of-range ones', () => {
    expect(accepts(day, '2015-01-01')).toBe(true);
    expect(accepts(day, '2015-12-31')).toBe(true);
    expect(messageFor(day, '2015-02-30')).toBe('must be a calendar date as YYYY-MM-DD');
    expect(messageFor(day, '2014-12-31')).toBe('must be a date from 2015-01-01 to 2015-12-31');
    expect(accepts(day, '2016-01-01')).toBe(false);
    expect(accepts(day, '2015-1-1')).toBe(false);
    expect(accepts(day, '2015-06-15T00:00:00Z')).toBe(false);
  });

  it('binds the date string as it is and describes itself with format date', () => {
    expect(paramDataApiValues(day, '2015-07-04')).toEqual([{ name: 'day', value: '2015-07-04' }]);
    expect(paramJsonSchema(day)).toMatchObject({ type: 'string', format: 'date', title: 'Day' });
  });
});

describe('date-range parameter', () => {
  it('accepts a range within bounds, one day long or up to maxDays', () => {
    expect(accepts(period, { from: '2015-03-01', to: '2015-03-01' })).toBe(true);
    expect(accepts(period, { from: '2015-01-01', to: '2015-01-31' })).toBe(true);
  });

  it('rejects a reversed range, one longer than maxDays, bad ends and extra keys', () => {
    expect(messageFor(period, { from: '2015-03-02', to: '2015-03-01' })).toBe('from must not be after to');
    expect(messageFor(period, { from: '2015-01-01', to: '2015-02-01' })).toBe('must span at most 31 days');
    expect(accepts(period, { from: '2014-12-31', to: '2015-01-02' })).toBe(false);
    expect(accepts(period, { from: '2015-02-30', to: '2015-03-02' })).toBe(false);
    expect(accepts(period, { from: '2015-01-01' })).toBe(false);
    expect(accepts(period, { from: '2015-01-01', to: '2015-01-02', extra: 1 })).toBe(false);
    expect(accepts(period, '2015-01-01/2015-01-02')).toBe(false);
  });

  it('binds two Data API parameters, <name>_from and <name>_to', () => {
    expect(paramPlaceholderNames(period)).toEqual(['period_from', 'period_to']);
    expect(paramDataApiValues(period, { from: '2015-01-01', to: '2015-01-07' })).toEqual([
      { name: 'period_from', value: '2015-01-01' },
      { name: 'period_to', value: '2015-01-07' },
    ]);
  });

  it('describes itself as an object of two dates', () => {
    expect(paramJsonSchema(period)).toMatchObject({
      type: 'object',
      format: 'date-range',
      title: 'Period',
      required: ['from', 'to'],
      additionalProperties: false,
      'x-maxDays': 31,
      properties: { from: { type: 'string', format: 'date' }, to: { type: 'string', format: 'date' } },
    });
  });
});

describe('integer parameter', () => {
  it('accepts whole numbers at both bounds', () => {
    expect(accepts(count, -5)).toBe(true);
    expect(accepts(count, 10)).toBe(true);
  });

  it('rejects fractions, out-of-range, NaN, Infinity, huge integers and numeric strings', () => {
    expect(messageFor(count, 11)).toBe('must be from -5 to 10');
    expect(messageFor(count, -6)).toBe('must be from -5 to 10');
    expect(messageFor(count, 1.5)).toBe('must be a whole number');
    for (const bad of [Number.NaN, Infinity, -Infinity, 2 ** 53, Number.MAX_VALUE, '5', null, true]) expect(accepts(count, bad), String(bad)).toBe(false);
  });

  it('binds the decimal text of the number', () => {
    expect(paramDataApiValues(count, -5)).toEqual([{ name: 'n', value: '-5' }]);
    expect(paramJsonSchema(count)).toMatchObject({ type: 'integer', minimum: -5, maximum: 10, title: 'Count' });
  });
});

describe('number parameter', () => {
  it('accepts finite numbers at both bounds and rejects everything else', () => {
    expect(accepts(miles, 0.5)).toBe(true);
    expect(accepts(miles, 100)).toBe(true);
    expect(messageFor(miles, 0.49)).toBe('must be from 0.5 to 100');
    for (const bad of [100.0001, Number.NaN, Infinity, '3', {}]) expect(accepts(miles, bad), String(bad)).toBe(false);
  });

  it('binds a non-empty decimal text, with -0 as 0', () => {
    expect(paramDataApiValues(miles, 2.75)).toEqual([{ name: 'miles', value: '2.75' }]);
    const signed: ParamDefinition = { ...miles, min: -1 } as ParamDefinition;
    expect(paramDataApiValues(signed, -0)).toEqual([{ name: 'miles', value: '0' }]);
    expect(paramJsonSchema(miles)).toMatchObject({ type: 'number', minimum: 0.5, maximum: 100 });
  });
});

describe('enum parameter', () => {
  it('accepts only its values, exactly', () => {
    expect(accepts(vendor, 'any')).toBe(true);
    expect(accepts(vendor, '1')).toBe(true);
    expect(messageFor(vendor, 'ANY')).toBe('must be one of any, 1');
    expect(accepts(vendor, 1)).toBe(false);
    expect(accepts(vendor, '')).toBe(false);
  });

  it('describes its values with their labels', () => {
    expect(paramJsonSchema(vendor)).toMatchObject({
      type: 'string',
      enum: ['any', '1'],
      oneOf: [{ const: 'any', title: 'All' }, { const: '1', title: 'CMT' }],
    });
    expect(paramDataApiValues(vendor, '1')).toEqual([{ name: 'vendor', value: '1' }]);
  });
});

describe('text parameter', () => {
  it('accepts values that fully match the pattern within the length bounds', () => {
    expect(accepts(code, 'A')).toBe(true);
    expect(accepts(code, 'ABCDEFGH')).toBe(true);
  });

  it('rejects empty, too long, partial matches and control characters', () => {
    expect(messageFor(code, '')).toBe('must be 1–8 characters long');
    expect(messageFor(code, 'ABCDEFGHI')).toBe('must be 1–8 characters long');
    expect(messageFor(code, 'AB1')).toBe('must match the pattern [A-Z]+');
    const anything: ParamDefinition = { name: 't', label: 'T', kind: 'text', maxLength: 20, pattern: '.*' };
    expect(messageFor(anything, 'a\u0000b')).toBe('must not contain control characters');
    expect(messageFor(anything, 'a\nb')).toBe('must not contain control characters');
    expect(messageFor(anything, '\ud800')).toBe('must not contain control characters');
    expect(accepts(anything, 'café ☕ 東京')).toBe(true);
  });

  it('counts characters, not UTF-16 units', () => {
    const short: ParamDefinition = { name: 't', label: 'T', kind: 'text', maxLength: 2, pattern: '.+' };
    expect(accepts(short, '😀😀')).toBe(true);
  });

  it('describes the anchored pattern and its lengths', () => {
    expect(paramJsonSchema(code)).toMatchObject({ type: 'string', minLength: 1, maxLength: 8, pattern: '^(?:[A-Z]+)$' });
  });
});

describe('parameter definitions', () => {
  it('reject unknown kinds, unknown fields, empty enums, bad patterns and names', () => {
    expect(paramDefinitionSchema.safeParse({ ...month, kind: 'week' }).success).toBe(false);
    expect(paramDefinitionSchema.safeParse({ ...month, step: 1 }).success).toBe(false);
    expect(paramDefinitionSchema.safeParse({ ...vendor, values: [] }).success).toBe(false);
    expect(paramDefinitionSchema.safeParse({ ...vendor, values: [{ value: 'a', label: 'A' }, { value: 'a', label: 'B' }] }).success).toBe(false);
    expect(paramDefinitionSchema.safeParse({ ...code, pattern: '(' }).success).toBe(false);
    expect(paramDefinitionSchema.safeParse({ ...month, name: '1month' }).success).toBe(false);
    expect(paramDefinitionSchema.safeParse({ ...month, min: '2015-13' }).success).toBe(false);
    expect(paramDefinitionSchema.safeParse({ ...count, max: 2 ** 53 }).success).toBe(false);
    expect(paramDefinitionSchema.safeParse(month).success).toBe(true);
  });

  it('have problems when bounds are reversed or the default is invalid, and none otherwise', () => {
    expect(paramDefinitionProblems({ ...month, min: '2015-12', max: '2015-01' } as ParamDefinition)).toEqual(['month: min must not be greater than max']);
    expect(paramDefinitionProblems({ ...code, minLength: 9 } as ParamDefinition)).toEqual(['code: minLength must not be greater than maxLength']);
    expect(paramDefinitionProblems({ ...month, default: '2016-01' } as ParamDefinition)).toEqual(['month: default must be a month from 2015-01 to 2015-12']);
    expect(paramDefinitionProblems({ ...period, default: { from: '2015-01-01', to: '2015-01-02' } } as ParamDefinition)).toEqual([]);
    for (const def of [month, day, period, count, miles, vendor, code]) expect(paramDefinitionProblems(def)).toEqual([]);
  });

  it('carry their default and description into the JSON Schema', () => {
    const described = { ...month, default: '2015-06', description: 'Pickup month' } as ParamDefinition;
    expect(paramJsonSchema(described)).toMatchObject({ default: '2015-06', description: 'Pickup month' });
  });
});
