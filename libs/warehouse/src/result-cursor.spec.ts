import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { resultCursorSchema } from '@redwire/protocol';
import { ResultCursors } from './result-cursor.js';

const cursors = new ResultCursors('k'.repeat(32));
const STATEMENT = 'c1f6e0a4-0000-4000-8000-000000000001';

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe('result cursors', () => {
  it('round-trip a position and are URL-safe protocol cursors', () => {
    const cursor = cursors.sign(STATEMENT, { nextToken: 'token/with+chars==', offset: 250 });
    expect(resultCursorSchema.safeParse(cursor).success).toBe(true);
    expect(cursors.verify(STATEMENT, cursor)).toEqual({ nextToken: 'token/with+chars==', offset: 250 });
    expect(cursors.verify(STATEMENT, cursors.sign(STATEMENT, { offset: 1000 }))).toEqual({ offset: 1000 });
  });

  it('refuse a cursor replayed against another statement', () => {
    const cursor = cursors.sign(STATEMENT, { offset: 1000 });
    expect(codeOf(() => cursors.verify('c1f6e0a4-0000-4000-8000-000000000002', cursor))).toBe('invalid_cursor');
  });

  it('bind a cursor to its owner: refused for another user, for no user, and vice versa', () => {
    const cursor = cursors.sign(STATEMENT, { offset: 1000 }, 'user-alice');
    expect(cursors.verify(STATEMENT, cursor, 'user-alice')).toEqual({ offset: 1000 });
    expect(codeOf(() => cursors.verify(STATEMENT, cursor, 'user-bob'))).toBe('invalid_cursor');
    expect(codeOf(() => cursors.verify(STATEMENT, cursor))).toBe('invalid_cursor');
    expect(codeOf(() => cursors.verify('c1f6e0a4-0000-4000-8000-000000000002', cursor, 'user-alice'))).toBe('invalid_cursor');
    expect(codeOf(() => cursors.verify(STATEMENT, cursors.sign(STATEMENT, { offset: 1000 }), 'user-alice'))).toBe('invalid_cursor');
    // Fields cannot be shifted between statement id and owner.
    expect(codeOf(() => cursors.verify(`${STATEMENT}\nuser`, cursors.sign(STATEMENT, { offset: 1 }, 'user'), undefined))).toBe('invalid_cursor');
  });

  it('refuse a tampered payload, a tampered signature, another key and garbage', () => {
    const cursor = cursors.sign(STATEMENT, { offset: 1000 });
    const [payload, mac] = cursor.split('.') as [string, string];
    const forged = Buffer.from(JSON.stringify({ v: 1, o: 0 })).toString('base64url');
    expect(codeOf(() => cursors.verify(STATEMENT, `${forged}.${mac}`))).toBe('invalid_cursor');
    expect(codeOf(() => cursors.verify(STATEMENT, `${payload}.${mac.slice(0, -1)}A`))).toBe('invalid_cursor');
    expect(codeOf(() => new ResultCursors('z'.repeat(32)).verify(STATEMENT, cursor))).toBe('invalid_cursor');
    for (const garbage of ['', '.', 'abc', 'a.b.c', `${payload}.`, '%%%.%%%']) expect(codeOf(() => cursors.verify(STATEMENT, garbage)), garbage).toBe('invalid_cursor');
  });

  it('refuse a payload signed with the right key that is not a position', () => {
    const sign = (body: unknown) => {
      const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
      return `${payload}.${createHmac('sha256', 'k'.repeat(32)).update(JSON.stringify([STATEMENT, null, payload])).digest('base64url')}`;
    };
    expect(cursors.verify(STATEMENT, sign({ v: 2, o: 5 }))).toEqual({ offset: 5 });
    for (const body of [{ v: 1, o: 0 }, { v: 3, o: 0 }, { v: 2, o: -1 }, { v: 2, o: 1.5 }, { v: 2, o: 0, t: 7 }])
      expect(codeOf(() => cursors.verify(STATEMENT, sign(body))), JSON.stringify(body)).toBe('invalid_cursor');
  });

  it('need a secret of at least 32 characters', () => {
    expect(() => new ResultCursors('short')).toThrow(/at least 32/);
  });
});
