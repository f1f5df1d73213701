import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { describeIssue, describePath } from './issues.js';

function firstProblem(schema: z.ZodMiniType, input: unknown): string {
  const result = schema.safeParse(input);
  const issue = result.error?.issues[0];
  if (!issue) throw new Error('expected a problem');
  return describeIssue(issue, input);
}

describe('describePath', () => {
  it('joins safe segments and indexes, hides anything else', () => {
    expect(describePath([])).toBe('message');
    expect(describePath(['statementIds', 2])).toBe('statementIds[2]');
    expect(describePath(['params', 'month'])).toBe('params.month');
    expect(describePath(['params', '<img src=x>'])).toBe('params.…');
    expect(describePath(['"; drop', 'x'])).toBe('….x');
    expect(describePath([Symbol('s')])).toBe('…');
  });
});

describe('describeIssue', () => {
  it('words a wrong literal and a failed union without repeating the value', () => {
    expect(firstProblem(z.object({ kind: z.enum(['a', 'b']) }), { kind: '<script>' })).toBe('kind must be one of: a, b');
    expect(firstProblem(z.object({ v: z.union([z.number(), z.boolean()]) }), { v: 'secret' })).toBe('v is not a valid value');
    expect(firstProblem(z.union([z.object({ a: z.string() }), z.array(z.string())]), 'x')).toBe('message is not a valid message');
  });

  it('names unknown nested fields and where they are', () => {
    expect(firstProblem(z.object({ error: z.strictObject({ code: z.string() }) }), { error: { code: 'x', stack: 'y' } })).toBe(
      'unknown field in error: stack',
    );
  });

  it('falls back to a generic sentence when a check has no message of its own', () => {
    expect(firstProblem(z.object({ n: z.number().check(z.gte(1)) }), { n: 0 })).toBe('n is invalid');
    expect(firstProblem(z.string().check(z.refine(() => false)), 'x')).toBe('message is invalid');
  });
});
