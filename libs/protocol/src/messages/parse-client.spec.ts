import { describe, expect, it } from 'vitest';
import { MAX_CLIENT_MESSAGE_BYTES, MAX_RESUME_STATEMENTS, MAX_SUBMIT_PARAMS } from './client.js';
import { parseClientMessage } from './parse-client.js';

const statementId = '01bdaca2-8967-4e34-ae3f-41d9728d5644';
const submit = { action: 'submit', requestId: 'req-1', topic: 'trips', report: 'trips-per-day', params: { month: '2015-01' } };
const text = (value: unknown) => JSON.stringify(value);

function refusal(raw: unknown) {
  const result = parseClientMessage(raw);
  if (result.ok) throw new Error(`expected a refusal, got ${JSON.stringify(result.message)}`);
  return result.error;
}

describe('parseClientMessage: accepted messages', () => {
  it('accepts a submit and returns it unchanged', () => {
    expect(parseClientMessage(text(submit))).toEqual({ ok: true, message: submit });
  });

  it('accepts a submit with empty params and with nested parameter values', () => {
    expect(parseClientMessage(text({ ...submit, params: {} })).ok).toBe(true);
    const range = { ...submit, params: { range: { from: '2015-01-01', to: '2015-01-31' }, limit: 10 } };
    expect(parseClientMessage(text(range))).toEqual({ ok: true, message: range });
  });

  it('accepts a topic with unicode letters, emoji and spaces', () => {
    const message = { ...submit, topic: 'Fahrten pro Tag 🚕 ñ' };
    expect(parseClientMessage(text(message))).toEqual({ ok: true, message });
  });

  it('accepts a cancel with and without a requestId', () => {
    expect(parseClientMessage(text({ action: 'cancel', statementId }))).toEqual({ ok: true, message: { action: 'cancel', statementId } });
    expect(parseClientMessage(text({ action: 'cancel', statementId: `${statementId}:2`, requestId: 'c1' })).ok).toBe(true);
  });

  it('accepts a resume of 1 and of the maximum number of statements', () => {
    expect(parseClientMessage(text({ action: 'resume', statementIds: [statementId] })).ok).toBe(true);
    const ids = Array.from({ length: MAX_RESUME_STATEMENTS }, (_, index) => `${statementId}:${index}`);
    expect(parseClientMessage(text({ action: 'resume', statementIds: ids, requestId: 'r' })).ok).toBe(true);
  });

  it('accepts a ping', () => {
    expect(parseClientMessage('{"action":"ping"}')).toEqual({ ok: true, message: { action: 'ping' } });
  });

  it('accepts bytes (as ws delivers them) and already-parsed values', () => {
    expect(parseClientMessage(new TextEncoder().encode(text(submit))).ok).toBe(true);
    expect(parseClientMessage(Buffer.from(text({ action: 'ping' })))).toEqual({ ok: true, message: { action: 'ping' } });
    expect(parseClientMessage(submit)).toEqual({ ok: true, message: submit });
  });

  it('accepts request ids and topics at their longest', () => {
    expect(parseClientMessage(text({ ...submit, requestId: 'a'.repeat(64), topic: 'é'.repeat(64) })).ok).toBe(true);
  });
});

describe('parseClientMessage: input that is not a JSON object', () => {
  it.each([
    ['plain text', 'hello', 'message is not valid JSON'],
    ['truncated JSON', '{"action":"ping"', 'message is not valid JSON'],
    ['an empty string', '', 'message is not valid JSON'],
    ['JSON null', 'null', 'message must be a JSON object'],
    ['a JSON array', '[{"action":"ping"}]', 'message must be a JSON object'],
    ['a JSON string', '"ping"', 'message must be a JSON object'],
    ['a JSON number', '42', 'message must be a JSON object'],
  ])('refuses %s as invalid_message', (_name, raw, message) => {
    expect(refusal(raw)).toEqual({ code: 'invalid_message', message });
  });

  it('refuses non-JSON values given directly', () => {
    expect(refusal(undefined).code).toBe('invalid_message');
    expect(refusal(null).code).toBe('invalid_message');
    expect(refusal(7).code).toBe('invalid_message');
    expect(refusal([submit]).code).toBe('invalid_message');
  });

  it('refuses bytes that are not UTF-8', () => {
    expect(refusal(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))).toEqual({ code: 'invalid_message', message: 'message is not valid UTF-8 text' });
  });

  it('refuses messages over the size limit as message_too_large, counting UTF-8 bytes', () => {
    const padded = (length: number, char: string) => text({ ...submit, params: { note: char.repeat(length) } });
    expect(refusal(padded(MAX_CLIENT_MESSAGE_BYTES, 'x'))).toEqual({ code: 'message_too_large', message: `message is larger than ${MAX_CLIENT_MESSAGE_BYTES} bytes` });
    expect(refusal(padded(MAX_CLIENT_MESSAGE_BYTES / 2, '€')).code).toBe('message_too_large');
    expect(refusal(new TextEncoder().encode(padded(MAX_CLIENT_MESSAGE_BYTES, 'x'))).code).toBe('message_too_large');
  });

  it('carries a 10 KB parameter value through untouched (the catalog bounds it later)', () => {
    const big = { ...submit, params: { note: `'; drop table trips; -- ${'x'.repeat(10_000)}` } };
    expect(parseClientMessage(text(big))).toEqual({ ok: true, message: big });
  });

  it('refuses __proto__ keys anywhere and very deep nesting', () => {
    expect(refusal('{"action":"ping","__proto__":{"admin":true}}').message).toBe('message contains a forbidden key');
    expect(refusal(`{"action":"submit","requestId":"q","topic":"t","report":"r","params":{"a":{"__proto__":1}}}`)).toMatchObject({ requestId: 'q' });
    let deep: unknown = 1;
    for (let level = 0; level < 40; level += 1) deep = { a: deep };
    expect(refusal(text({ ...submit, params: { deep } })).message).toMatch(/nested more than/);
  });
});

describe('parseClientMessage: wrong action', () => {
  it('refuses a missing, unknown or non-string action and does not echo it', () => {
    expect(refusal('{}')).toEqual({ code: 'invalid_message', message: 'action is required' });
    const unknown = refusal(text({ action: '<script>alert(1)</script>', requestId: 'r1' }));
    expect(unknown).toEqual({ code: 'invalid_message', message: 'action must be one of: submit, cancel, resume, ping', requestId: 'r1' });
    expect(refusal(text({ action: 1 })).message).toBe('action must be one of: submit, cancel, resume, ping');
    expect(refusal(text({ action: 'SUBMIT' })).code).toBe('invalid_message');
    expect(refusal(text({ action: '$default' })).code).toBe('invalid_message');
  });
});

describe('parseClientMessage: submit fields', () => {
  it.each([
    ['requestId missing', { requestId: undefined }, 'requestId is required'],
    ['topic missing', { topic: undefined }, 'topic is required'],
    ['report missing', { report: undefined }, 'report is required'],
    ['params missing', { params: undefined }, 'params is required'],
    ['topic a number', { topic: 5 }, 'topic must be a string'],
    ['params an array', { params: ['2015-01'] }, 'params must be an object'],
    ['params null', { params: null }, 'params must be an object'],
    ['params a string', { params: 'month=2015-01' }, 'params must be an object'],
    ['an empty topic', { topic: '' }, 'topic must be 1–64 characters'],
    ['a 65-character topic', { topic: 't'.repeat(65) }, 'topic must be 1–64 characters'],
    ['a 10 KB topic', { topic: 't'.repeat(10_240) }, 'topic must be 1–64 characters'],
    ['a NUL byte in the topic', { topic: 'trips\u0000' }, 'topic must not contain control characters'],
    ['a newline in the topic', { topic: 'a\nb' }, 'topic must not contain control characters'],
    ['a lone surrogate in the topic', { topic: 'a\ud800b' }, 'topic must not contain control characters'],
    ['an uppercase report id', { report: 'Trips-Per-Day' }, 'report must be 1–64 characters of a–z, 0–9 or -, starting with a letter or digit'],
    ['a report id with a quote', { report: "trips'--" }, 'report must be 1–64 characters of a–z, 0–9 or -, starting with a letter or digit'],
    ['a 65-character report id', { report: 'r'.repeat(65) }, 'report must be 1–64 characters of a–z, 0–9 or -, starting with a letter or digit'],
  ])('refuses a submit with %s', (_name, change, message) => {
    const error = refusal(text({ ...submit, ...change }));
    expect(error.code).toBe('invalid_message');
    expect(error.message).toBe(message);
  });

  it('refuses malformed request ids without echoing them', () => {
    for (const requestId of ['', 'a'.repeat(65), 'has space', 'ünï', 'a\u0000b']) {
      const error = refusal(text({ ...submit, requestId }));
      expect(error).toEqual({ code: 'invalid_message', message: 'requestId must be 1–64 characters of A–Z, a–z, 0–9, _ or -' });
    }
  });

  it('echoes a well-formed requestId when another field is wrong', () => {
    expect(refusal(text({ ...submit, topic: '' }))).toEqual({ code: 'invalid_message', message: 'topic must be 1–64 characters', requestId: 'req-1' });
  });

  it('refuses unknown fields, naming them only when the name is harmless', () => {
    expect(refusal(text({ ...submit, sql: 'select 1' })).message).toBe('unknown field: sql');
    expect(refusal(text({ ...submit, 'x"; drop': 1 })).message).toBe('unknown field');
  });

  it('refuses parameter names that cannot be bound, and too many parameters', () => {
    expect(refusal(text({ ...submit, params: { 'month; drop': '2015-01' } })).message).toBe('params.… is not a valid parameter name');
    expect(refusal(text({ ...submit, params: { '': 1 } })).code).toBe('invalid_message');
    const many = Object.fromEntries(Array.from({ length: MAX_SUBMIT_PARAMS + 1 }, (_, index) => [`p${index}`, index]));
    expect(refusal(text({ ...submit, params: many })).message).toBe(`params must have at most ${MAX_SUBMIT_PARAMS} entries`);
  });
});

describe('parseClientMessage: cancel, resume and ping fields', () => {
  it('refuses a cancel without a statementId or with a malformed one', () => {
    expect(refusal(text({ action: 'cancel' })).message).toBe('statementId is required');
    expect(refusal(text({ action: 'cancel', statementId: '' })).code).toBe('invalid_message');
    expect(refusal(text({ action: 'cancel', statementId: 'a'.repeat(129) })).code).toBe('invalid_message');
    expect(refusal(text({ action: 'cancel', statementId: '../../etc/passwd' })).message).toBe(
      'statementId must be 1–128 characters of A–Z, a–z, 0–9, :, _ or -',
    );
    expect(refusal(text({ action: 'cancel', statementId, statementIds: [statementId] })).message).toBe('unknown field: statementIds');
  });

  it('refuses a resume with no, too many, repeated or malformed statement ids', () => {
    expect(refusal(text({ action: 'resume', statementIds: [] })).message).toBe(`statementIds must list 1–${MAX_RESUME_STATEMENTS} statement ids`);
    const tooMany = Array.from({ length: MAX_RESUME_STATEMENTS + 1 }, (_, index) => `s${index}`);
    expect(refusal(text({ action: 'resume', statementIds: tooMany })).message).toBe(`statementIds must list 1–${MAX_RESUME_STATEMENTS} statement ids`);
    expect(refusal(text({ action: 'resume', statementIds: [statementId, statementId] })).message).toBe('statementIds must not repeat a statement id');
    expect(refusal(text({ action: 'resume', statementIds: [statementId, 7] })).message).toBe('statementIds[1] must be a string');
    expect(refusal(text({ action: 'resume', statementIds: statementId })).message).toBe('statementIds must be an array');
  });

  it('refuses a ping with any extra field', () => {
    expect(refusal(text({ action: 'ping', requestId: 'p1' }))).toEqual({ code: 'invalid_message', message: 'unknown field: requestId', requestId: 'p1' });
  });

  it('never throws, whatever it is given', () => {
    const hostile: unknown[] = [Symbol('x'), () => 1, new Date(0), new Map(), Object.create(null), 10n, '\u0000', '{"action":"ping"}\u0000'];
    for (const raw of hostile) expect(() => parseClientMessage(raw)).not.toThrow();
    const throwing = new Proxy({}, { ownKeys: () => { throw new Error('boom at secret.ts:1'); } });
    expect(parseClientMessage(throwing)).toEqual({ ok: false, error: { code: 'invalid_message', message: 'message is invalid' } });
  });
});
