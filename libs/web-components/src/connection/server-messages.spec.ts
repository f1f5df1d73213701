import { describe, expect, it } from 'vitest';
import { readServerMessage } from './server-messages.js';

describe('reading server messages', () => {
  it('reads an accepted message and ignores fields it does not know', () => {
    const message = readServerMessage(
      JSON.stringify({ type: 'accepted', requestId: 'r1', topic: 't', statementId: 's1', submittedAt: '2026-01-01T00:00:00Z', extra: 1 }),
    );
    expect(message).toEqual({ type: 'accepted', requestId: 'r1', topic: 't', statementId: 's1', submittedAt: '2026-01-01T00:00:00Z' });
  });

  it('reads outcomes with their row count or error', () => {
    expect(readServerMessage('{"type":"completed","statementId":"s","topic":"t","rowCount":31}')).toMatchObject({ rowCount: 31 });
    expect(readServerMessage('{"type":"failed","statementId":"s","error":{"code":"query_failed","message":"boom"}}')).toMatchObject({
      error: { code: 'query_failed', message: 'boom' },
    });
  });

  it('keeps an error code this page does not know yet', () => {
    expect(readServerMessage('{"type":"error","error":{"code":"brand_new","message":"x"}}')).toMatchObject({ error: { code: 'brand_new' } });
  });

  it.each(['not json', '[]', 'null', '{"type":"surprise"}', '{"type":"completed"}', '{"type":"accepted","statementId":"s"}'])(
    'ignores %s',
    (frame) => {
      expect(readServerMessage(frame)).toBeUndefined();
    },
  );
});
