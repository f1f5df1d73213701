/** Redshift datepart spellings (docs: "Date parts for date or timestamp functions") → DuckDB's names. */
const DATEPARTS: Record<string, string> = {};
const SYNONYMS: [string, string[]][] = [
  ['millennium', ['millennium', 'millennia', 'mil', 'mils']],
  ['century', ['century', 'centuries', 'c', 'cent', 'cents']],
  ['decade', ['decade', 'decades', 'dec', 'decs']],
  ['epoch', ['epoch']],
  ['year', ['year', 'years', 'y', 'yr', 'yrs']],
  ['quarter', ['quarter', 'quarters', 'qtr', 'qtrs']],
  ['month', ['month', 'months', 'mon', 'mons']],
  ['week', ['week', 'weeks', 'w']],
  ['dow', ['dayofweek', 'dow', 'dw', 'weekday']],
  ['doy', ['dayofyear', 'doy', 'dy', 'yearday']],
  ['day', ['day', 'days', 'd']],
  ['hour', ['hour', 'hours', 'h', 'hr', 'hrs']],
  ['minute', ['minute', 'minutes', 'm', 'min', 'mins']],
  ['second', ['second', 'seconds', 's', 'sec', 'secs']],
  ['millisecond', ['millisecond', 'milliseconds', 'ms', 'msec', 'msecs', 'msecond', 'mseconds', 'millisec', 'millisecs', 'millisecon']],
  ['microsecond', ['microsecond', 'microseconds', 'microsec', 'microsecs', 'microsecond', 'usecond', 'useconds', 'us', 'usec', 'usecs']],
];
for (const [canonical, spellings] of SYNONYMS) for (const spelling of spellings) DATEPARTS[spelling] = canonical;

/** DuckDB's name for a Redshift datepart, or undefined when Redshift would not know it either. */
export function normalizeDatepart(spelling: string): string | undefined {
  return DATEPARTS[spelling.toLowerCase()];
}

/** DuckDB's `to_*` interval constructor for DATEADD, with a multiplier for parts it lacks. */
export function intervalConstructor(datepart: string): { fn: string; factor: number } | undefined {
  const map: Record<string, { fn: string; factor: number }> = {
    millennium: { fn: 'to_years', factor: 1000 },
    century: { fn: 'to_years', factor: 100 },
    decade: { fn: 'to_years', factor: 10 },
    year: { fn: 'to_years', factor: 1 },
    quarter: { fn: 'to_months', factor: 3 },
    month: { fn: 'to_months', factor: 1 },
    week: { fn: 'to_days', factor: 7 },
    day: { fn: 'to_days', factor: 1 },
    hour: { fn: 'to_hours', factor: 1 },
    minute: { fn: 'to_minutes', factor: 1 },
    second: { fn: 'to_seconds', factor: 1 },
    millisecond: { fn: 'to_milliseconds', factor: 1 },
    microsecond: { fn: 'to_microseconds', factor: 1 },
  };
  return map[datepart];
}
