import { parseDateFormat } from './date-format.js';
import { DialectError } from './dialect-error.js';
import { call, cast, integerConstant, operator, stringConstant, type SqlNode } from './sql-tree.js';

const PLAIN: Record<string, [padded: string, filled: string]> = {
  YYYY: ['%Y', '%Y'], YY: ['%y', '%y'], MM: ['%m', '%-m'], DD: ['%d', '%-d'], DDD: ['%j', '%-j'],
  HH24: ['%H', '%-H'], HH12: ['%I', '%-I'], HH: ['%I', '%-I'], MI: ['%M', '%-M'], SS: ['%S', '%-S'],
  MS: ['%g', '%g'], US: ['%f', '%f'], IW: ['%V', '%-V'],
};
const NAMES: Record<string, { specifier: string; width: number }> = {
  MONTH: { specifier: '%B', width: 9 }, MON: { specifier: '%b', width: 0 },
  DAY: { specifier: '%A', width: 9 }, DY: { specifier: '%a', width: 0 },
};

/**
 * Redshift `TO_CHAR(datetime, format)` as a DuckDB expression: `strftime`
 * for numeric fields, and names (`Month`, `DY`…) with Redshift's case and its
 * blank padding to 9 characters unless `FM` is given.
 */
export function toCharExpression(value: SqlNode, format: string): SqlNode {
  const parts: SqlNode[] = [];
  let pending = '';
  const flush = (): void => {
    if (pending) parts.push(call('strftime', [value, stringConstant(pending)]));
    pending = '';
  };
  for (const piece of parseDateFormat(format)) {
    if (piece.kind === 'literal') {
      pending += piece.text.replaceAll('%', '%%');
      continue;
    }
    const plain = PLAIN[piece.code];
    if (plain) {
      pending += piece.fillMode ? plain[1] : plain[0];
      continue;
    }
    flush();
    parts.push(namedField(value, piece.code, piece.text, piece.fillMode));
  }
  flush();
  if (parts.length === 0) return stringConstant('');
  return parts.length === 1 ? (parts[0] as SqlNode) : call('concat', parts);
}

function namedField(value: SqlNode, code: string, text: string, fillMode: boolean): SqlNode {
  if (code === 'D') return cast(operator('+', call('dayofweek', [value]), integerConstant(1)), 'VARCHAR');
  if (code === 'Q') return cast(call('quarter', [value]), 'VARCHAR');
  if (code === 'AM' || code === 'PM') {
    const meridiem = call('strftime', [value, stringConstant('%p')]);
    return text === text.toLowerCase() ? call('lower', [meridiem]) : meridiem;
  }
  const name = NAMES[code];
  if (!name) throw new DialectError(`TO_CHAR format field '${text}' is not supported locally`);
  let node = call('strftime', [value, stringConstant(name.specifier)]);
  if (name.width > 0 && !fillMode) node = call('rpad', [node, integerConstant(name.width), stringConstant(' ')]);
  return withCase(node, text);
}

/** `MONTH` → upper case, `month` → lower case, `Month` → as DuckDB writes it. */
function withCase(node: SqlNode, text: string): SqlNode {
  if (text === text.toUpperCase()) return call('upper', [node]);
  if (text === text.toLowerCase()) return call('lower', [node]);
  return node;
}
