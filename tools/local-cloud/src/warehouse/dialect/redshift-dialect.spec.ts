import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDialectHarness } from './dialect-harness.js';

let harness: Awaited<ReturnType<typeof openDialectHarness>>;
beforeAll(async () => {
  harness = await openDialectHarness();
});
afterAll(() => harness.close());

const one = async (sql: string): Promise<Record<string, unknown>> => (await harness.rows(sql))[0] as Record<string, unknown>;

describe('Redshift dialect on DuckDB', () => {
  it('passes SQL that DuckDB and Redshift share through untouched, byte for byte', async () => {
    const sql = "SELECT pickup_date, count(*) AS trips FROM t WHERE note = 'datediff(minutes, a, b)' GROUP BY 1 -- nvl(x, y)";
    expect(await harness.translate(sql)).toBe(sql);
  });

  it('DATEDIFF takes a bare datepart and counts the boundaries crossed', async () => {
    expect(await one("SELECT datediff(minutes, TIMESTAMP '2015-01-01 10:00:59', TIMESTAMP '2015-01-01 10:01:00') AS d")).toEqual({ d: '1' });
    expect(await one("SELECT datediff(day, '2015-12-31 23:59'::timestamp, '2016-01-01 00:01'::timestamp) AS d, datediff(yr, DATE '2015-12-31', DATE '2016-01-01') AS y")).toEqual({ d: '1', y: '1' });
  });

  it('DATEADD takes a bare datepart, clamps month ends and returns a timestamp', async () => {
    expect(await one("SELECT dateadd(month, 1, DATE '2015-01-31') AS a, dateadd(qtr, 1, '2015-01-01') AS q, dateadd(h, -2, TIMESTAMP '2015-01-01 01:00') AS h")).toEqual({
      a: '2015-02-28 00:00:00', q: '2015-04-01 00:00:00', h: '2014-12-31 23:00:00',
    });
  });

  it('DATE_PART returns a double for a bare datepart (dow 0 = Sunday)', async () => {
    expect(await one("SELECT date_part(dow, DATE '2015-12-06') AS dow, date_part(month, DATE '2015-12-06') AS m, typeof(date_part(month, DATE '2015-12-06')) AS t")).toEqual({ dow: 0, m: 12, t: 'DOUBLE' });
  });

  it('DATE_TRUNC truncates to the datepart and returns a timestamp', async () => {
    expect(await one("SELECT date_trunc(month, DATE '2015-12-06') AS m, date_trunc('week', TIMESTAMP '2015-12-06 10:00') AS w")).toEqual({ m: '2015-12-01 00:00:00', w: '2015-11-30 00:00:00' });
  });

  it('GETDATE has no fractional seconds; SYSDATE is the transaction start', async () => {
    const row = await one('SELECT getdate() AS g, sysdate AS s, typeof(getdate()) AS t');
    expect(row['g']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
    expect(row['s']).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    expect(row['t']).toBe('TIMESTAMP');
  });

  it('NVL is COALESCE and NVL2 picks by nullness', async () => {
    expect(await one("SELECT nvl(NULL, NULL, 3) AS n, nvl2(NULL, 'set', 'null') AS a, nvl2(1, 'set', 'null') AS b")).toEqual({ n: 3, a: 'null', b: 'set' });
  });

  it('DECODE compares pairs in order, matches NULL to NULL and falls back to the default', async () => {
    expect(await one("SELECT decode(2, 1, 'one', 2, 'two', 'other') AS a, decode(9, 1, 'one', 'other') AS b, decode(9, 1, 'one') AS c, decode(NULL, NULL, 'null') AS d")).toEqual({ a: 'two', b: 'other', c: null, d: 'null' });
  });

  it("TO_DATE reads 'MonthYYYY' leniently and 'YYYY-MM' as the first day", async () => {
    expect(await one("SELECT to_date('December 2015', 'MonthYYYY') AS a, to_date('  december   2015 ', 'MonthYYYY') AS b, to_date('December2015', 'MonthYYYY') AS c, to_date('2015-12', 'YYYY-MM') AS d, to_date('03/07/2015', 'MM/DD/YYYY') AS e")).toEqual({
      a: '2015-12-01', b: '2015-12-01', c: '2015-12-01', d: '2015-12-01', e: '2015-03-07',
    });
  });

  it('TO_DATE with a non-literal format fails with a clear message', async () => {
    await expect(harness.translate("SELECT to_date('2015-12', f) FROM t")).rejects.toThrow(/TO_DATE needs its format as a string literal/);
  });

  it("TO_CHAR writes Redshift's names, padding and FM", async () => {
    expect(await one("SELECT to_char(TIMESTAMP '2015-12-03 14:05:06', 'Month YYYY') AS a, to_char(DATE '2015-12-03', 'FMMonth FMDD, YYYY') AS b, to_char(TIMESTAMP '2015-12-03 14:05:06', 'YYYY-MM-DD HH24:MI:SS') AS c, to_char(DATE '2015-12-03', 'DY Mon MONTH') AS d, to_char(TIMESTAMP '2015-12-03 14:05:06', 'HH12:MI am') AS e")).toEqual({
      a: 'December  2015', b: 'December 3, 2015', c: '2015-12-03 14:05:06', d: 'THU Dec DECEMBER ', e: '02:05 pm',
    });
  });

  it('LAST_DAY and LEN work as in Redshift', async () => {
    expect(await one("SELECT last_day(DATE '2016-02-10') AS l, len('abc') AS n")).toEqual({ l: '2016-02-29', n: '3' });
  });

  it('TOP n becomes LIMIT n, also with DISTINCT and ORDER BY', async () => {
    expect((await harness.rows('SELECT TOP 3 x FROM range(10) t(x) ORDER BY x DESC')).map((r) => r['x'])).toEqual(['9', '8', '7']);
    expect(await harness.rows('SELECT DISTINCT TOP 2 x % 3 AS m FROM range(10) t(x) ORDER BY m')).toEqual([{ m: '0' }, { m: '1' }]);
  });

  it('divides integers as integers, including SUM() of integers, and floats as floats', async () => {
    expect(await one('SELECT 7/2 AS a, -7/2 AS b, sum(x)/60 AS c, 7.0/2 AS d, 7/2.0 AS e FROM range(100) t(x)')).toEqual({ a: 3, b: -3, c: '82', d: 3.5, e: 3.5 });
  });

  it('runs DDL with SORTKEY, DISTKEY, DISTSTYLE and ENCODE', async () => {
    await harness.connection.run(await harness.translate('CREATE TABLE ddl_test (a INT ENCODE az64 DISTKEY, b VARCHAR(MAX)) DISTSTYLE KEY SORTKEY (a)'));
    expect(await one("SELECT count(*) AS n FROM information_schema.columns WHERE table_name = 'ddl_test'")).toEqual({ n: '2' });
  });

  it('keeps 64-bit literals exact through the parse tree', async () => {
    expect(await one('SELECT 9007199254740993 AS big, nvl(NULL, 1) AS n')).toEqual({ big: '9007199254740993', n: 1 });
  });

  it('rejects TOP outside a SELECT rather than running it wrong', async () => {
    await expect(harness.translate('INSERT INTO t SELECT TOP 1 a FROM s')).rejects.toThrow(/TOP n is supported in SELECT/);
  });
});
