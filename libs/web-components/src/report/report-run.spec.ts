import { describe, expect, it } from 'vitest';
import { errorText, nextRun, type ReportRun } from './report-run.js';

const submitted: ReportRun = { phase: 'submitted', requestId: 'r1', submittedAt: 1_000 };
const accepted = { type: 'accepted', requestId: 'r1', topic: 't', statementId: 's1', submittedAt: 'x' } as const;

describe('report run', () => {
  it('starts the elapsed clock when the statement is accepted, in browser time', () => {
    expect(nextRun(submitted, accepted, 5_000)).toEqual({ phase: 'running', requestId: 'r1', statementId: 's1', acceptedAt: 5_000, cancelling: false });
  });

  it('completes with the row count and the time since accepted', () => {
    const running = nextRun(submitted, accepted, 5_000);
    expect(nextRun(running, { type: 'completed', statementId: 's1', topic: 't', requestId: 'r1', rowCount: 31 }, 7_500)).toEqual({
      phase: 'completed',
      statementId: 's1',
      rowCount: 31,
      elapsedMs: 2_500,
    });
  });

  it('takes an outcome that overtook accepted, matched by request id', () => {
    expect(nextRun(submitted, { type: 'completed', statementId: 's1', topic: 't', requestId: 'r1', rowCount: 3 }, 2_000)).toMatchObject({ phase: 'completed' });
  });

  it('ignores messages of another run on the same topic', () => {
    const running = nextRun(submitted, accepted, 5_000);
    expect(nextRun(running, { type: 'completed', statementId: 'old', topic: 't', requestId: 'r0', rowCount: 1 }, 6_000)).toBe(running);
    expect(nextRun({ phase: 'idle' }, accepted, 6_000)).toEqual({ phase: 'idle' });
  });

  it('fails on a typed error for its request, and ends as aborted when cancelled', () => {
    expect(nextRun(submitted, { type: 'error', requestId: 'r1', code: 'invalid_params', message: 'month: must be a month' }, 2_000)).toMatchObject({
      phase: 'failed',
      code: 'invalid_params',
    });
    const running = nextRun(submitted, accepted, 5_000);
    expect(nextRun(running, { type: 'aborted', statementId: 's1', topic: 't', requestId: 'r1' }, 6_000)).toEqual({ phase: 'aborted', statementId: 's1' });
  });

  it('puts error codes in plain words and adds the server detail', () => {
    expect(errorText('too_many_statements', '')).toMatch(/most reports running/);
    expect(errorText('invalid_params', 'month: must be a month from 2015-01 to 2015-12')).toBe(
      'Please check the parameters. month: must be a month from 2015-01 to 2015-12',
    );
    expect(errorText('something_new', '')).toBe('Something went wrong.');
  });
});
