import type { SqlToken } from '../sql/sql-token.js';

export const FRONT_MATTER_OPEN = '/*---';
export const FRONT_MATTER_CLOSE = '---*/';

export type FrontMatterResult =
  | { ok: true; json: unknown; token: SqlToken }
  | { ok: false; line: number; message: string };

/** 1-based line of `offset` in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * Reads the front matter: the file's first token (after whitespace) must be a
 * block comment `/*--- … ---*\/` whose body is one JSON object.
 */
export function readFrontMatter(text: string, tokens: readonly SqlToken[]): FrontMatterResult {
  const first = tokens.find((token) => token.kind !== 'whitespace');
  if (first?.kind === 'block-comment' && first.text.startsWith(FRONT_MATTER_OPEN) && (first.unterminated || !first.text.endsWith(FRONT_MATTER_CLOSE))) {
    return {
      ok: false,
      line: first.line,
      message: `the front matter block is not closed by ${FRONT_MATTER_CLOSE} (a "/*" inside it opens a nested comment; a "*/" closes it early)`,
    };
  }
  if (
    first === undefined ||
    first.kind !== 'block-comment' ||
    first.unterminated ||
    !first.text.startsWith(FRONT_MATTER_OPEN) ||
    !first.text.endsWith(FRONT_MATTER_CLOSE) ||
    first.text.length < FRONT_MATTER_OPEN.length + FRONT_MATTER_CLOSE.length
  ) {
    return {
      ok: false,
      line: first?.line ?? 1,
      message: `a report file must start with a front matter block ${FRONT_MATTER_OPEN} {…JSON…} ${FRONT_MATTER_CLOSE}`,
    };
  }
  const bodyStart = first.start + FRONT_MATTER_OPEN.length;
  const body = first.text.slice(FRONT_MATTER_OPEN.length, -FRONT_MATTER_CLOSE.length);
  try {
    return { ok: true, json: JSON.parse(body), token: first };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = jsonErrorOffset(body);
    const line = position === undefined ? first.line : lineAt(text, bodyStart + position);
    return { ok: false, line, message: `front matter is not valid JSON: ${message}` };
  }
}

const END_OF_INPUT = /end of (JSON )?input/i;

/**
 * Offset of the character where `JSON.parse(body)` fails. Node 20's messages
 * carry no position, so find the shortest prefix that fails for a reason other
 * than ending early: the error is in its last character.
 */
function jsonErrorOffset(body: string): number | undefined {
  const failsInside = (length: number): boolean => {
    try {
      JSON.parse(body.slice(0, length));
      return false;
    } catch (error) {
      const message = (error as Error).message;
      const position = /at position (\d+)/.exec(message)?.[1];
      // A prefix that merely stops early (mid-string, before a comma) fails at its very end.
      return !END_OF_INPUT.test(message) && (position === undefined || Number(position) < length);
    }
  };
  if (!failsInside(body.length)) return undefined;
  let low = 1;
  let high = body.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsInside(middle)) high = middle;
    else low = middle + 1;
  }
  return low - 1;
}
