/** Every kind of token the SQL tokenizer emits. */
export type SqlTokenKind =
  | 'parameter'
  | 'cast'
  | 'string'
  | 'quoted-identifier'
  | 'line-comment'
  | 'block-comment'
  | 'whitespace'
  | 'word'
  | 'number'
  | 'operator'
  | 'punctuation'
  | 'semicolon';

/**
 * One token of SQL text. `start`/`end` are UTF-16 offsets into the source
 * (`source.slice(start, end) === text`); `line`/`column` are 1-based and
 * point at the token's first character.
 */
export interface SqlToken {
  kind: SqlTokenKind;
  text: string;
  start: number;
  end: number;
  line: number;
  column: number;
  /** The Data API parameter name without its colon (parameters only). */
  name?: string;
  /**
   * Set on a string, dollar-quoted string, quoted identifier or block comment
   * that runs to the end of the input without its closing delimiter. The
   * tokenizer never throws; callers decide whether that is an error.
   */
  unterminated?: true;
}

/** Tokens that carry no meaning for the statement: whitespace and comments. */
export function isTrivia(token: SqlToken): boolean {
  return token.kind === 'whitespace' || token.kind === 'line-comment' || token.kind === 'block-comment';
}
