import { isTrivia, tokenizeSql, type SqlToken } from '@redwire/query-catalog';

/** Alias of the select item that carries `TOP n` from the token pass to the tree pass. */
export const TOP_MARKER = '__redwire_top__';

/**
 * Redshift syntax DuckDB's parser rejects, handled on tokens (so text in
 * strings, quoted identifiers and comments is never touched):
 * - `SELECT [DISTINCT] TOP n` becomes a marked first select item, turned into LIMIT on the tree;
 * - in CREATE statements, table and column attributes that only matter to
 *   Redshift's storage are dropped: DISTSTYLE, DISTKEY, [COMPOUND|INTERLEAVED] SORTKEY,
 *   ENCODE, BACKUP; `VARCHAR(MAX)` becomes `VARCHAR`.
 */
export function rewriteTokens(sql: string): { sql: string; changed: boolean; top: boolean } {
  const tokens = tokenizeSql(sql);
  const significant = tokens.filter((token) => !isTrivia(token));
  const dropped = new Set<SqlToken>();
  const replaced = new Map<SqlToken, string>();
  const word = (index: number): string | undefined => {
    const token = significant[index];
    return token?.kind === 'word' ? token.text.toLowerCase() : undefined;
  };
  const dropParenthesized = (open: number): number => {
    let depth = 0;
    for (let index = open; index < significant.length; index += 1) {
      const token = significant[index] as SqlToken;
      dropped.add(token);
      if (token.text === '(') depth += 1;
      if (token.text === ')' && --depth === 0) return index;
    }
    return significant.length;
  };
  const isCreate = word(0) === 'create';
  for (let index = 0; index < significant.length; index += 1) {
    const current = word(index);
    if (current === 'select') {
      const topIndex = word(index + 1) === 'distinct' || word(index + 1) === 'all' ? index + 2 : index + 1;
      const count = significant[topIndex + 1];
      if (word(topIndex) === 'top' && count?.kind === 'number' && /^\d+$/.test(count.text)) {
        dropped.add(significant[topIndex] as SqlToken);
        replaced.set(count, `${count.text} AS ${TOP_MARKER},`);
      }
      continue;
    }
    if (!isCreate || current === undefined) continue;
    const next = significant[index + 1];
    if (current === 'diststyle' || current === 'encode' || current === 'backup') {
      dropped.add(significant[index] as SqlToken);
      if (next?.kind === 'word') dropped.add(next);
      index += 1;
    } else if (current === 'distkey' || current === 'sortkey') {
      dropped.add(significant[index] as SqlToken);
      const previous = word(index - 1);
      if (previous === 'compound' || previous === 'interleaved') dropped.add(significant[index - 1] as SqlToken);
      if (next?.text === '(') index = dropParenthesized(index + 1);
      else if (next?.kind === 'word' && next.text.toLowerCase() === 'auto') dropped.add(next);
    } else if ((current === 'varchar' || current === 'varying' || current === 'nvarchar') && significant[index + 1]?.text === '(' && word(index + 2) === 'max' && significant[index + 3]?.text === ')') {
      for (let offset = 1; offset <= 3; offset += 1) dropped.add(significant[index + offset] as SqlToken);
      index += 3;
    }
  }
  if (dropped.size === 0 && replaced.size === 0) return { sql, changed: false, top: false };
  const text = tokens.map((token) => (dropped.has(token) ? '' : (replaced.get(token) ?? token.text))).join('');
  return { sql: text, changed: true, top: replaced.size > 0 };
}
