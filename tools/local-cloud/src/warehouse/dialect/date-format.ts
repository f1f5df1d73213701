import { DialectError } from './dialect-error.js';

/** One piece of a Redshift datetime format string (`'MonthYYYY'`, `'YYYY-MM-DD HH24:MI'`). */
export type FormatPiece =
  | { kind: 'literal'; text: string }
  | { kind: 'field'; code: string; text: string; fillMode: boolean };

/** Field codes, longest first so `MONTH` wins over `MON` and `DDD` over `DD`. */
const CODES = ['HH24', 'HH12', 'HH', 'MI', 'SS', 'MS', 'US', 'AM', 'PM', 'YYYY', 'YY', 'MONTH', 'MON', 'MM', 'DAY', 'DDD', 'DD', 'DY', 'D', 'IW', 'Q'];

/** Splits a Redshift (PostgreSQL-style) datetime format into literal text and field codes. */
export function parseDateFormat(format: string): FormatPiece[] {
  const pieces: FormatPiece[] = [];
  let index = 0;
  let fillMode = false;
  const literal = (text: string): void => {
    const last = pieces.at(-1);
    if (last?.kind === 'literal') last.text += text;
    else pieces.push({ kind: 'literal', text });
  };
  while (index < format.length) {
    const rest = format.slice(index);
    if (rest.startsWith('"')) {
      const end = format.indexOf('"', index + 1);
      if (end === -1) throw new DialectError(`unterminated quoted text in datetime format '${format}'`);
      literal(format.slice(index + 1, end));
      index = end + 1;
      continue;
    }
    if (rest.toUpperCase().startsWith('FM')) {
      fillMode = true;
      index += 2;
      continue;
    }
    const code = CODES.find((candidate) => rest.toUpperCase().startsWith(candidate));
    if (code) {
      pieces.push({ kind: 'field', code, text: rest.slice(0, code.length), fillMode });
      index += code.length;
    } else {
      literal(rest[0] as string);
      index += 1;
    }
    fillMode = false;
  }
  return pieces;
}

const PARSE_SPECIFIERS: Record<string, string> = {
  YYYY: '%Y', YY: '%y', MM: '%m', MONTH: '%B', MON: '%b', DD: '%d', DDD: '%j',
  HH24: '%H', HH12: '%I', HH: '%I', MI: '%M', SS: '%S', MS: '%g', US: '%f',
  AM: '%p', PM: '%p', DAY: '%A', DY: '%a',
};

/**
 * DuckDB `strptime` formats that read a Redshift TO_DATE/TO_TIMESTAMP format
 * as leniently as Redshift does: whitespace runs in the format match one space,
 * and two adjacent fields (`'MonthYYYY'`) match with or without a space between
 * them, so `to_date('December 2015', 'MonthYYYY')` reads. The input is expected
 * trimmed with its whitespace runs collapsed to one space.
 */
export function strptimeFormats(format: string): string[] {
  let variants = [''];
  let previousWasField = false;
  for (const piece of parseDateFormat(format)) {
    if (piece.kind === 'literal') {
      const text = piece.text.replace(/\s+/g, ' ').replaceAll('%', '%%');
      variants = variants.map((variant) => variant + text);
      previousWasField = false;
      continue;
    }
    const specifier = PARSE_SPECIFIERS[piece.code];
    if (!specifier) throw new DialectError(`datetime format field '${piece.text}' is not supported when reading dates locally`);
    if (previousWasField && variants.length < 16) {
      variants = variants.flatMap((variant) => [variant + specifier, `${variant} ${specifier}`]);
    } else {
      variants = variants.map((variant) => variant + specifier);
    }
    previousWasField = true;
  }
  return variants.map((variant) => variant.trim());
}
