import { beforeAll, describe, expect, it } from 'vitest';
import { buildRepositoryCatalog, reportOf } from '../../test/sample-catalog.js';
import type { CatalogBundle } from '../catalog/report-definition.js';
import { prepareStatement } from './prepare-statement.js';

let catalog: CatalogBundle;
beforeAll(async () => {
  catalog = await buildRepositoryCatalog();
});

const sqlOf = (id: string) => catalog.reports.find((report) => report.id === id)?.sql;

describe('prepareStatement', () => {
  it('binds the month of trips-per-day as :month and hands over the catalog SQL unchanged', () => {
    const result = prepareStatement(catalog, 'trips-per-day', { month: '2015-12' }, []);
    expect(result).toMatchObject({ ok: true, statement: { sql: sqlOf('trips-per-day'), parameters: [{ name: 'month', value: '2015-12' }] } });
    expect(result.ok && result.statement.sql).toContain("to_date(:month, 'YYYY-MM')");
  });

  it('binds a date range as <name>_from and <name>_to, next to the other parameters in definition order', () => {
    const result = prepareStatement(catalog, 'demand-by-weekday-hour', { vendor: '2', period: { from: '2015-02-01', to: '2015-02-28' } }, []);
    expect(result.ok && result.statement.parameters).toEqual([
      { name: 'period_from', value: '2015-02-01' },
      { name: 'period_to', value: '2015-02-28' },
      { name: 'vendor', value: '2' },
    ]);
  });

  it('binds integers and numbers as their decimal text', () => {
    const result = prepareStatement(catalog, 'fare-by-distance-band', { month: '2015-01', band_miles: 2, max_miles: 12.5 }, []);
    expect(result.ok && result.statement.parameters).toEqual([
      { name: 'month', value: '2015-01' },
      { name: 'band_miles', value: '2' },
      { name: 'max_miles', value: '12.5' },
    ]);
  });

  it('says report_not_found for an unknown report', () => {
    expect(prepareStatement(catalog, 'no-such-report', {}, [])).toEqual({ ok: false, error: { code: 'report_not_found', message: 'no report with this id in the catalog' } });
  });

  it('says forbidden when the report is limited to groups the user is not in, and runs it for a member', () => {
    const params = { month: '2015-01', min_passengers: 2 };
    expect(prepareStatement(catalog, 'vendor-comparison', params, ['drivers'])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(prepareStatement(catalog, 'vendor-comparison', params, [])).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(prepareStatement(catalog, 'vendor-comparison', params, ['drivers', 'analysts'])).toMatchObject({ ok: true });
  });

  it.each([
    ['a month before the range', { month: '2014-12' }, 'Month must be a month from 2015-01 to 2015-12'],
    ['a month after the range', { month: '2016-01' }, 'Month must be a month from 2015-01 to 2015-12'],
    ['month 13', { month: '2015-13' }, 'Month must be a month as YYYY-MM'],
    ['a one-digit month', { month: '2015-1' }, 'Month must be a month as YYYY-MM'],
    ['the sample’s month name', { month: 'December 2015' }, 'Month must be a month as YYYY-MM'],
    ['a number', { month: 201501 }, 'Month must be a string'],
    ['no month', {}, 'Month is required'],
    ['an extra key', { month: '2015-01', sql: 'DROP TABLE x' }, '"sql" is not a parameter of this report'],
  ])('says invalid_params for %s', (_case, params, message) => {
    const result = prepareStatement(catalog, 'trips-per-day', params, []);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_params', message } });
  });

  it('reports every bad parameter at once, naming each', () => {
    const result = prepareStatement(catalog, 'fare-by-distance-band', { month: '2015-02', band_miles: Number.NaN, max_miles: Infinity, colour: 'red' }, []);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_params');
    expect(result.error.details?.map((d) => d.param).sort()).toEqual(['band_miles', 'colour', 'max_miles']);
  });

  it('names the end of a date range that is wrong', () => {
    const result = prepareStatement(catalog, 'payment-type-mix', { period: { from: '2015-02-30', to: '2015-03-01' } }, []);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_params', details: [{ param: 'period', message: 'Period (from) must be a calendar date as YYYY-MM-DD' }] } });
  });

  it.each([null, 'month=2015-01', ['2015-01'], 42, undefined])('says invalid_params when params is %j', (params) => {
    expect(prepareStatement(catalog, 'trips-per-day', params, [])).toMatchObject({ ok: false, error: { code: 'invalid_params', message: 'params must be an object' } });
  });

  it('does not accept inherited properties as parameters', () => {
    const params = Object.create({ month: '2015-01' }) as object;
    expect(prepareStatement(catalog, 'trips-per-day', params, [])).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    const smuggled = JSON.parse('{"__proto__": {"month": "2015-01"}}') as unknown;
    expect(prepareStatement(catalog, 'trips-per-day', smuggled, [])).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
  });
});

const HOSTILE = [
  "2015'); DROP TABLE nyc_yellow_taxi; --",
  "' OR '1'='1",
  'a"b',
  '/* */ -- ;',
  ':month',
  '$$; DELETE FROM t; $$',
  "E'\\''",
  'Zoë ☕ 東京 😀',
  'nul\u0000byte',
  'x'.repeat(10_240),
];

describe('hostile values', () => {
  const text = (value: string) => ({ value, label: 'Value', name: 'needle', kind: 'text' as const, maxLength: 1000, pattern: '[\\s\\S]*' });

  it.each(HOSTILE)('never change the SQL text and travel only as a bound value, or are refused: %#', (value) => {
    const report = { ...reportOf(catalog), id: 'search', groups: [], parameters: [text(value)].map(({ value: _v, ...def }) => def), sql: 'SELECT count(*)::int8 AS n FROM nyc_yellow_taxi WHERE vendorid = :needle' };
    const bundle: CatalogBundle = { ...catalog, reports: [report] };
    const result = prepareStatement(bundle, 'search', { needle: value }, []);
    if (result.ok) {
      expect(result.statement.sql).toBe(report.sql);
      expect(result.statement.sql).not.toContain(value);
      expect(result.statement.parameters).toEqual([{ name: 'needle', value }]);
    } else {
      expect(result.error.code).toBe('invalid_params');
      // Only NUL (control character) and the 10 KB value (over maxLength) may be refused here.
      expect(value.includes('\u0000') || value.length > 1000).toBe(true);
    }
  });

  it.each(HOSTILE)('are refused for a month and never reach SQL: %#', (value) => {
    const result = prepareStatement(catalog, 'trips-per-day', { month: value }, []);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    expect('statement' in result).toBe(false);
  });

  it.each(HOSTILE)('as unknown keys are refused with a bounded message: %#', (key) => {
    const result = prepareStatement(catalog, 'trips-per-day', { month: '2015-01', [key]: 1 }, []);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
    if (!result.ok) expect(result.error.message.length).toBeLessThanOrEqual(500);
  });
});
