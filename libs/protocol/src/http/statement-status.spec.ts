import { describe, expect, it } from 'vitest';
import { isFinalState, STATEMENT_STATES, statementStatusSchema } from './statement-status.js';

const base = { statementId: '01bdaca2-8967-4e34-ae3f-41d9728d5644', reportId: 'trips-per-day', submittedAt: '2026-11-28T09:30:00.000Z', elapsedMs: 1520 };

describe('statement status', () => {
  it('accepts each state with the fields it implies', () => {
    expect(statementStatusSchema.safeParse({ ...base, state: 'submitted' }).success).toBe(true);
    expect(statementStatusSchema.safeParse({ ...base, state: 'running' }).success).toBe(true);
    expect(statementStatusSchema.safeParse({ ...base, state: 'finished', rowCount: 31 }).success).toBe(true);
    expect(statementStatusSchema.safeParse({ ...base, state: 'failed', error: { code: 'query_failed', message: 'Failed.' } }).success).toBe(true);
    expect(statementStatusSchema.safeParse({ ...base, state: 'aborted' }).success).toBe(true);
  });

  it('refuses a finished status without rowCount and rowCount on any other state', () => {
    expect(statementStatusSchema.safeParse({ ...base, state: 'finished' }).success).toBe(false);
    expect(statementStatusSchema.safeParse({ ...base, state: 'running', rowCount: 3 }).success).toBe(false);
  });

  it('refuses a failed status without error and an error on any other state', () => {
    expect(statementStatusSchema.safeParse({ ...base, state: 'failed' }).success).toBe(false);
    expect(statementStatusSchema.safeParse({ ...base, state: 'aborted', error: { code: 'internal', message: 'x' } }).success).toBe(false);
  });

  it('refuses unknown states, negative times, local timestamps and unknown fields', () => {
    expect(statementStatusSchema.safeParse({ ...base, state: 'FINISHED', rowCount: 1 }).success).toBe(false);
    expect(statementStatusSchema.safeParse({ ...base, state: 'running', elapsedMs: -1 }).success).toBe(false);
    expect(statementStatusSchema.safeParse({ ...base, state: 'running', submittedAt: '2026-11-28 09:30' }).success).toBe(false);
    expect(statementStatusSchema.safeParse({ ...base, state: 'running', sql: 'select 1' }).success).toBe(false);
  });

  it('knows which states are final', () => {
    expect(STATEMENT_STATES.filter(isFinalState)).toEqual(['finished', 'failed', 'aborted']);
  });
});
