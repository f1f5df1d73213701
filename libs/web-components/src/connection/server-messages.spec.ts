import { describe, expect, it } from 'vitest';
import { outcomeFromStatus, readServerMessage } from './server-messages.js';

describe('reading server messages', () => {
  it('reads an accepted message and drops fields a newer server added', () => {
    const message = readServerMessage(
      JSON.stringify({ type: 'accepted', requestId: 'r1', topic: 't', statementId: 's1', submittedAt: '2026-01-01T00:00:00Z', extra: 1 }),
    );
    expect(message).toEqual({ type: 'accepted', requestId: 'r1', topic: 't', statementId: 's1', submittedAt: '2026-01-01T00:00:00Z' });
  });

  it('keeps an error code this page does not know yet', () => {
    expect(readServerMessage('{"type":"error","code":"brand_new","message":"x","requestId":"r1"}')).toMatchObject({ code: 'brand_new', requestId: 'r1' });
  });

  it.each(['not json', '[]', 'null', '{"type":"surprise"}', '{"type":"completed"}', '{"type":"accepted","statementId":"s"}'])('ignores %s', (frame) => {
    expect(readServerMessage(frame)).toBeUndefined();
  });
});

describe('outcomes from the HTTP status', () => {
  const ids = { statementId: 's1', topic: 't', requestId: 'r1' };

  it('addresses the outcome like the push would have been', () => {
    expect(outcomeFromStatus({ state: 'finished', rowCount: 31 }, ids)).toEqual({ type: 'completed', ...ids, rowCount: 31 });
    expect(outcomeFromStatus({ state: 'aborted' }, ids)).toEqual({ type: 'aborted', ...ids });
    expect(outcomeFromStatus({ state: 'failed', error: { code: 'query_failed', message: 'x' } }, ids)).toMatchObject({ type: 'failed', error: { code: 'query_failed' } });
  });
});
