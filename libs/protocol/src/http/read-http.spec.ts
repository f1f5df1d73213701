import { describe, expect, it } from 'vitest';
import { httpError, httpErrorBodySchema } from './error-body.js';
import { readHttpError, readReportList, readResultPage, readStatementStatus } from './read-http.js';

const status = { statementId: 's-1', reportId: 'trips-per-day', state: 'finished', submittedAt: '2026-11-28T09:30:00.000Z', elapsedMs: 10, rowCount: 2 };

describe('HTTP error bodies', () => {
  it('pairs each code with its status and a schema-valid body', () => {
    const { status: code, body } = httpError('statement_not_found', 'No such statement.');
    expect(code).toBe(404);
    expect(body).toEqual({ error: { code: 'statement_not_found', message: 'No such statement.' } });
    expect(httpErrorBodySchema.safeParse(body).success).toBe(true);
    expect(httpError('unauthorized', 'Sign in.').status).toBe(401);
  });

  it('keeps an over-long or empty message within the protocol', () => {
    expect(httpError('internal', 'x'.repeat(900)).body.error.message).toHaveLength(500);
    expect(httpError('internal', '').body.error.message).toBe('internal');
  });

  it('is read leniently by the browser', () => {
    expect(readHttpError('{"error":{"code":"quota_exceeded","message":"Later.","retryAfter":3}}')).toEqual({
      ok: true, value: { error: { code: 'quota_exceeded', message: 'Later.' } },
    });
    expect(readHttpError('<html>502 Bad Gateway</html>')).toEqual({ ok: false, reason: 'body is not valid JSON' });
  });
});

describe('browser readers', () => {
  it('read a statement status, ignoring unknown fields', () => {
    expect(readStatementStatus(JSON.stringify({ ...status, queue: 'fast' }))).toEqual({ ok: true, value: status });
    expect(readStatementStatus({ ...status, state: 'paused' })).toMatchObject({ ok: false });
    expect(readStatementStatus({ ...status, elapsedMs: undefined })).toEqual({ ok: false, reason: 'elapsedMs is required' });
  });

  it('read a result page and refuse ragged rows', () => {
    const page = { columns: [{ name: 'n', type: 'int8' }], rows: [[1], [null]], cursor: 'abc', stats: {} };
    expect(readResultPage(page)).toEqual({ ok: true, value: { columns: page.columns, rows: page.rows, cursor: 'abc' } });
    expect(readResultPage({ ...page, rows: [[1, 2]] })).toEqual({ ok: false, reason: 'every row must have one cell per column' });
    expect(readResultPage([])).toEqual({ ok: false, reason: 'body must be an object' });
  });

  it('read a report list, keeping charts it understands and dropping newer chart kinds', () => {
    const params = { type: 'object', properties: { month: { title: 'Month', type: 'string' } }, required: ['month'] };
    const line = { id: 'a', title: 'A', description: '', params, chart: { type: 'line', x: 'd', y: ['v'] } };
    const sankey = { id: 'b', title: 'B', description: '', params, chart: { type: 'sankey', from: 'x', to: 'y' }, owner: 'ops' };
    const table = { id: 'c', title: 'C', description: '', params };
    const result = readReportList(JSON.stringify({ reports: [line, sankey, table] }));
    expect(result).toEqual({ ok: true, value: { reports: [line, { id: 'b', title: 'B', description: '', params }, table] } });
    expect(readReportList({ reports: [{ id: 'x' }] })).toMatchObject({ ok: false });
    expect(readReportList('nope')).toMatchObject({ ok: false, reason: 'body is not valid JSON' });
  });
});
