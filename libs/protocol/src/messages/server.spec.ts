import { describe, expect, it } from 'vitest';
import { InvalidServerMessageError, serializeServerMessage, serverMessages } from './build-server.js';
import { parseServerMessage } from './read-server.js';
import { serverMessageSchema, type ServerMessage } from './server.js';

const ids = { requestId: 'req-1', topic: 'trips', statementId: '01bdaca2-8967-4e34-ae3f-41d9728d5644' };

describe('server message builders', () => {
  it('builds an accepted message with an ISO timestamp from a Date', () => {
    const message = serverMessages.accepted({ ...ids, submittedAt: new Date(Date.UTC(2026, 10, 28, 9, 30)) });
    expect(message).toEqual({ type: 'accepted', ...ids, submittedAt: '2026-11-28T09:30:00.000Z' });
  });

  it('builds every outcome and the error and pong messages', () => {
    expect(serverMessages.completed({ ...ids, rowCount: 31 })).toEqual({ type: 'completed', ...ids, rowCount: 31 });
    const error = { code: 'query_failed' as const, message: 'The query failed in the warehouse.' };
    expect(serverMessages.failed({ ...ids, error })).toEqual({ type: 'failed', ...ids, error });
    expect(serverMessages.aborted(ids)).toEqual({ type: 'aborted', ...ids });
    expect(serverMessages.error('report_not_found', 'No such report.', { requestId: 'req-1' })).toEqual({
      type: 'error', code: 'report_not_found', message: 'No such report.', requestId: 'req-1',
    });
    expect(serverMessages.error('internal', 'Something went wrong.')).toEqual({ type: 'error', code: 'internal', message: 'Something went wrong.' });
    expect(serverMessages.error('statement_not_found', 'Unknown statement.', { statementId: ids.statementId })).toHaveProperty('statementId');
    expect(serverMessages.pong()).toEqual({ type: 'pong' });
  });

  it('refuses to build messages that break the protocol', () => {
    expect(() => serverMessages.accepted({ ...ids, submittedAt: 'yesterday' })).toThrow(InvalidServerMessageError);
    expect(() => serverMessages.completed({ ...ids, rowCount: -1 })).toThrow('completed message: rowCount');
    expect(() => serverMessages.completed({ ...ids, rowCount: 1.5 })).toThrow(InvalidServerMessageError);
    expect(() => serverMessages.aborted({ ...ids, topic: '' })).toThrow(InvalidServerMessageError);
    expect(() => serverMessages.error('internal', '')).toThrow(InvalidServerMessageError);
    expect(() => serverMessages.error('internal', 'x'.repeat(501))).toThrow(InvalidServerMessageError);
    const withExtra = { ...ids, rowCount: 1, sql: 'select 1' };
    expect(() => serverMessages.completed(withExtra)).toThrow('unknown field: sql');
  });

  it('serializes valid messages to JSON and refuses invalid ones', () => {
    const message: ServerMessage = { type: 'completed', ...ids, rowCount: 0 };
    expect(JSON.parse(serializeServerMessage(message))).toEqual(message);
    const bad = { type: 'failed', ...ids, error: { code: 'teapot', message: 'x' } } as unknown as ServerMessage;
    expect(() => serializeServerMessage(bad)).toThrow(InvalidServerMessageError);
  });

  it('the strict schema rejects extra fields that the browser would ignore', () => {
    expect(serverMessageSchema.safeParse({ type: 'pong', at: 1 }).success).toBe(false);
    expect(parseServerMessage({ type: 'pong', at: 1 })).toEqual({ kind: 'message', message: { type: 'pong' } });
  });
});

describe('parseServerMessage (browser side, lenient)', () => {
  it('reads every message the server builds, from JSON text', () => {
    const built: ServerMessage[] = [
      serverMessages.accepted({ ...ids, submittedAt: '2026-11-28T09:30:00.000Z' }),
      serverMessages.completed({ ...ids, rowCount: 3 }),
      serverMessages.failed({ ...ids, error: { code: 'query_failed', message: 'Division by zero.' } }),
      serverMessages.aborted(ids),
      serverMessages.error('too_many_statements', 'Wait for one to finish.', { requestId: 'req-1' }),
      serverMessages.pong(),
    ];
    for (const message of built) expect(parseServerMessage(serializeServerMessage(message))).toEqual({ kind: 'message', message });
  });

  it('ignores fields it does not know, also nested ones', () => {
    const raw = JSON.stringify({ type: 'failed', ...ids, error: { code: 'query_failed', message: 'x', detail: 'new' }, attempt: 2 });
    expect(parseServerMessage(raw)).toEqual({ kind: 'message', message: { type: 'failed', ...ids, error: { code: 'query_failed', message: 'x' } } });
  });

  it('keeps error codes that a newer server added', () => {
    const result = parseServerMessage({ type: 'error', code: 'quota_exceeded', message: 'Later.' });
    expect(result).toEqual({ kind: 'message', message: { type: 'error', code: 'quota_exceeded', message: 'Later.' } });
  });

  it('reports an unknown type instead of throwing', () => {
    expect(parseServerMessage('{"type":"progress","statementId":"s","percent":40}')).toEqual({ kind: 'unknown', type: 'progress' });
    expect(parseServerMessage({ type: 'toString' })).toEqual({ kind: 'unknown', type: 'toString' });
  });

  it('reports what is not a server message at all', () => {
    expect(parseServerMessage('not json')).toEqual({ kind: 'invalid', reason: 'message is not valid JSON' });
    expect(parseServerMessage('[1]')).toEqual({ kind: 'invalid', reason: 'message must be a JSON object' });
    expect(parseServerMessage(null)).toEqual({ kind: 'invalid', reason: 'message must be a JSON object' });
    expect(parseServerMessage('{"kind":"accepted"}')).toEqual({ kind: 'invalid', reason: 'type must be a string' });
  });

  it('reports a known type with missing or mistyped fields', () => {
    expect(parseServerMessage({ type: 'completed', ...ids })).toEqual({ kind: 'invalid', reason: 'rowCount is required' });
    expect(parseServerMessage({ type: 'completed', ...ids, rowCount: '3' })).toEqual({ kind: 'invalid', reason: 'rowCount must be a number' });
    expect(parseServerMessage({ type: 'accepted', ...ids, statementId: '' }).kind).toBe('invalid');
  });
});
