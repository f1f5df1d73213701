import { describe, expect, it } from 'vitest';
import { csvHeader, csvLine } from './csv.js';

describe('CSV lines', () => {
  it('writes a header and typed rows with CRLF line ends', () => {
    expect(csvHeader([{ name: 'trip_date', type: 'date' }, { name: 'trips', type: 'int8' }])).toBe('trip_date,trips\r\n');
    expect(csvLine(['2015-12-01', 31, 12.5, true, '9223372036854775807'], ['date', 'int8', 'float8', 'bool', 'int8'])).toBe(
      '2015-12-01,31,12.5,true,9223372036854775807\r\n',
    );
  });

  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'cr\r'])).toBe('"a,b","say ""hi""","two\nlines","cr\r"\r\n');
  });

  it('writes NULL as an empty field and an empty string as ""', () => {
    expect(csvLine([null, '', 'x'], ['varchar', 'varchar', 'varchar'])).toBe(',"",x\r\n');
  });

  it('defuses text that a spreadsheet would run as a formula, but leaves numbers alone', () => {
    expect(csvLine(['=HYPERLINK("http://x")', '+1', '-cmd', '@SUM(A1)', '\tx'], ['varchar', 'varchar', 'varchar', 'varchar', 'varchar'])).toBe(
      `"'=HYPERLINK(""http://x"")",'+1,'-cmd,'@SUM(A1),'\tx\r\n`,
    );
    expect(csvLine([-5, '-12.50', '-9223372036854775808'], ['int4', 'numeric', 'int8'])).toBe('-5,-12.50,-9223372036854775808\r\n');
  });
});
