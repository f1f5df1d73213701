import { describe, expect, it } from 'vitest';
import { tokenizeSql } from './sql-tokenizer.js';

const kinds = (sql: string) => tokenizeSql(sql).map((t) => [t.kind, t.text]);
const significant = (sql: string) => tokenizeSql(sql).filter((t) => t.kind !== 'whitespace').map((t) => [t.kind, t.text]);

describe('tokenizeSql', () => {
  it('reproduces the input exactly when its token texts are joined', () => {
    const sql = "select 'a''b', \"x\"\"y\", $t$ ; $t$ -- c\n/* d /* e */ */ :p::int; E'\\''";
    const tokens = tokenizeSql(sql);
    expect(tokens.map((t) => t.text).join('')).toBe(sql);
    for (const t of tokens) expect(sql.slice(t.start, t.end)).toBe(t.text);
  });

  it('reads a named parameter with its name and never mistakes a cast for one', () => {
    const tokens = tokenizeSql('x = :month::date').filter((t) => t.kind !== 'whitespace');
    expect(tokens.map((t) => t.kind)).toEqual(['word', 'operator', 'parameter', 'cast', 'word']);
    expect(tokens[2]).toMatchObject({ text: ':month', name: 'month' });
  });

  it('treats a cast of a column as a cast, not as a parameter named after the type', () => {
    expect(significant('a::float8')).toEqual([['word', 'a'], ['cast', '::'], ['word', 'float8']]);
    expect(tokenizeSql('a::float8').some((t) => t.kind === 'parameter')).toBe(false);
  });

  it('accepts digits and underscores in parameter names and stops at other characters', () => {
    const p = tokenizeSql(':_1a-b').find((t) => t.kind === 'parameter');
    expect(p).toMatchObject({ name: '_1a', text: ':_1a' });
  });

  it('reads a lone colon as an operator', () => {
    expect(significant('a : b')).toEqual([['word', 'a'], ['operator', ':'], ['word', 'b']]);
  });

  it('keeps parameter-looking text inside strings, identifiers and comments as text', () => {
    const sql = "':a' \":b\" -- :c\n/* :d */ $$ :e $$ E':f'";
    expect(tokenizeSql(sql).filter((t) => t.kind === 'parameter')).toEqual([]);
  });

  it("reads doubled quotes as escapes in strings and identifiers", () => {
    expect(significant("'it''s' \"a\"\"b\"")).toEqual([['string', "'it''s'"], ['quoted-identifier', '"a""b"']]);
  });

  it('reads backslash escapes only in E strings', () => {
    expect(significant("E'a\\'b' x")).toEqual([['string', "E'a\\'b'"], ['word', 'x']]);
    expect(significant("e'\\\\' y")).toEqual([['string', "e'\\\\'"], ['word', 'y']]);
    expect(significant("'a\\' x")).toEqual([['string', "'a\\'"], ['word', 'x']]);
  });

  it('does not read a word ending in e as an E string prefix', () => {
    expect(significant("somee'x'")).toEqual([['word', 'somee'], ['string', "'x'"]]);
  });

  it('reads dollar quotes with and without a tag, whatever they contain', () => {
    expect(significant("$$ it's ; -- $$ x")).toEqual([['string', "$$ it's ; -- $$"], ['word', 'x']]);
    expect(significant('$fn$ $$ ; $fn$ y')).toEqual([['string', '$fn$ $$ ; $fn$'], ['word', 'y']]);
  });

  it('reads $1 as a positional word and a lone $ as an operator', () => {
    expect(significant('$1 $')).toEqual([['word', '$1'], ['operator', '$']]);
  });

  it('reads nested block comments as one comment', () => {
    expect(significant('/* a /* b */ c */ x')).toEqual([['block-comment', '/* a /* b */ c */'], ['word', 'x']]);
  });

  it('ends a line comment at the newline', () => {
    expect(kinds('-- ;drop\nx')).toEqual([['line-comment', '-- ;drop'], ['whitespace', '\n'], ['word', 'x']]);
  });

  it('flags unterminated strings, identifiers, dollar quotes and comments instead of throwing', () => {
    for (const [sql, kind] of [
      ["select 'abc", 'string'],
      ["select E'ab\\'", 'string'],
      ['select "abc', 'quoted-identifier'],
      ['select $x$ abc $y$', 'string'],
      ['select /* a /* b */', 'block-comment'],
    ] as const) {
      const last = tokenizeSql(sql).at(-1);
      expect(last, sql).toMatchObject({ kind, unterminated: true, end: sql.length });
    }
  });

  it('does not flag complete tokens as unterminated', () => {
    expect(tokenizeSql("'a' \"b\" $$c$$ /*d*/").some((t) => t.unterminated)).toBe(false);
  });

  it('reads numbers with fractions and exponents', () => {
    expect(significant('1 2.5 .5 3e10 4.0E-2 7.')).toEqual([
      ['number', '1'], ['number', '2.5'], ['number', '.5'], ['number', '3e10'], ['number', '4.0E-2'], ['number', '7.'],
    ]);
  });

  it('reads operators, punctuation and semicolons, stopping operators before comments', () => {
    expect(significant('a<=b||c<>d;(e,f.g)')).toEqual([
      ['word', 'a'], ['operator', '<='], ['word', 'b'], ['operator', '||'], ['word', 'c'], ['operator', '<>'],
      ['word', 'd'], ['semicolon', ';'], ['punctuation', '('], ['word', 'e'], ['punctuation', ','], ['word', 'f'],
      ['punctuation', '.'], ['word', 'g'], ['punctuation', ')'],
    ]);
    expect(significant('1--x')).toEqual([['number', '1'], ['line-comment', '--x']]);
    expect(significant('1+/*x*/2')).toEqual([['number', '1'], ['operator', '+'], ['block-comment', '/*x*/'], ['number', '2']]);
  });

  it('reads unicode identifiers as words and stray characters as one-character operators', () => {
    expect(significant('café \\')).toEqual([['word', 'café'], ['operator', '\\']]);
  });

  it('gives 1-based line and column of each token', () => {
    const tokens = tokenizeSql("select\n  'a\nb' :p\n\t;").filter((t) => t.kind !== 'whitespace');
    expect(tokens.map((t) => [t.text, t.line, t.column])).toEqual([
      ['select', 1, 1], ["'a\nb'", 2, 3], [':p', 3, 4], [';', 4, 2],
    ]);
  });

  it('returns no tokens for empty input', () => {
    expect(tokenizeSql('')).toEqual([]);
  });
});

describe('tokenizeSql on arbitrary text', () => {
  const alphabet = ["'", '"', '$', '$t$', ':', '::', ';', '-', '--', '/', '*', '/*', '*/', 'E', 'a', '1', '.', ' ', '\n', '\\', 'é', '😀', '\u0000'];

  /** A deterministic pseudo-random generator, so a failure can be replayed. */
  function* randomTexts(count: number): Generator<string> {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < count; i += 1) {
      let text = '';
      const length = Math.floor(next() * 40);
      for (let j = 0; j < length; j += 1) text += alphabet[Math.floor(next() * alphabet.length)];
      yield text;
    }
  }

  it('never throws, covers the input exactly with contiguous tokens, and flags only the last token as unterminated', () => {
    const failures: string[] = [];
    for (const text of randomTexts(2_000)) {
      const tokens = tokenizeSql(text);
      const contiguous = tokens.every((t, i) => t.end > t.start && t.start === (i === 0 ? 0 : tokens[i - 1]?.end));
      const unterminatedLast = tokens.every((t, i) => !t.unterminated || i === tokens.length - 1);
      if (tokens.map((t) => t.text).join('') !== text || !contiguous || !unterminatedLast) failures.push(JSON.stringify(text));
    }
    expect(failures).toEqual([]);
  });
});
