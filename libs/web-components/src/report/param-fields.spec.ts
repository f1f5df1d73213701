import type { ReportParams } from '@redwire/protocol';
import { describe, expect, it } from 'vitest';
import { paramFields, readParamValues } from './param-fields.js';

const params: ReportParams = {
  type: 'object',
  properties: {
    month: { title: 'Month', type: 'string', format: 'month', pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', formatMinimum: '2015-01', formatMaximum: '2015-12' },
    borough: {
      title: 'Borough',
      type: 'string',
      enum: ['bk', 'mn'],
      oneOf: [
        { const: 'bk', title: 'Brooklyn' },
        { const: 'mn', title: 'Manhattan' },
      ],
    },
    minTrips: { title: 'Minimum trips', type: 'integer', minimum: 0, maximum: 1000, default: 10 },
    span: {
      title: 'Days',
      type: 'object',
      format: 'date-range',
      properties: { from: { type: 'string', format: 'date', formatMinimum: '2015-01-01', formatMaximum: '2015-12-31' } },
    },
    zone: { title: 'Zone', type: 'string', minLength: 1, maxLength: 20, pattern: '^(?:[A-Z]+)$' },
  },
  required: ['month', 'borough'],
};

describe('form fields from a report JSON Schema', () => {
  it('makes a month field labelled from the catalog, limited to the data range', () => {
    expect(paramFields(params)[0]).toEqual({ kind: 'month', name: 'month', label: 'Month', required: true, min: '2015-01', max: '2015-12', initial: '' });
  });

  it('makes enums selects with their labels, numbers with bounds and defaults, ranges and text', () => {
    const [, borough, minTrips, span, zone] = paramFields(params);
    expect(borough).toMatchObject({ kind: 'enum', options: [{ value: 'bk', label: 'Brooklyn' }, { value: 'mn', label: 'Manhattan' }], initial: 'bk' });
    expect(minTrips).toMatchObject({ kind: 'integer', min: 0, max: 1000, initial: '10', required: false });
    expect(span).toMatchObject({ kind: 'date-range', min: '2015-01-01', max: '2015-12-31' });
    expect(zone).toMatchObject({ kind: 'text', pattern: '[A-Z]+', maxLength: 20 });
  });

  it('sends the month exactly as typed, with no time zone conversion', () => {
    const data = new FormData();
    data.set('month', '2015-12');
    data.set('borough', 'mn');
    data.set('minTrips', '25');
    data.set('span.from', '2015-03-01');
    data.set('span.to', '2015-03-07');
    data.set('zone', '');
    expect(readParamValues(paramFields(params), data)).toEqual({
      month: '2015-12',
      borough: 'mn',
      minTrips: 25,
      span: { from: '2015-03-01', to: '2015-03-07' },
    });
  });
});
