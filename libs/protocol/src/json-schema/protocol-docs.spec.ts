import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../version.js';
import { findDocsDrift, renderProtocolDocs } from './protocol-docs.js';

describe('renderProtocolDocs', () => {
  const docs = renderProtocolDocs();

  it('writes one JSON Schema per message and body, each with a versioned id and a title', () => {
    for (const name of ['client-submit', 'client-cancel', 'client-resume', 'client-ping', 'server-accepted', 'server-completed',
      'server-failed', 'server-aborted', 'server-error', 'server-pong', 'http-report-list', 'http-statement-status', 'http-result-page',
      'http-error', 'chart-hint', 'error-code']) {
      const text = docs.get(`${name}.json`);
      expect(text, name).toBeDefined();
      const schema = JSON.parse(text ?? '') as Record<string, unknown>;
      expect(schema['$schema']).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema['$id']).toBe(`urn:redwire:protocol:${PROTOCOL_VERSION}:${name}`);
      expect(schema['title']).toEqual(expect.any(String));
    }
  });

  it('marks strict client messages as closed to unknown fields', () => {
    const submit = JSON.parse(docs.get('client-submit.json') ?? '{}') as { additionalProperties?: unknown; required?: string[] };
    expect(submit.additionalProperties).toBe(false);
    expect(submit.required).toEqual(['action', 'requestId', 'topic', 'report', 'params']);
  });

  it('lists every error code', () => {
    const codes = JSON.parse(docs.get('error-code.json') ?? '{}') as { enum: string[] };
    expect(codes.enum).toContain('statement_expired');
    expect(codes.enum).toContain('internal');
  });

  it('renders the same text every time (so the drift check is stable)', () => {
    expect(renderProtocolDocs()).toEqual(docs);
  });
});

describe('findDocsDrift', () => {
  const expected = new Map([['a.json', '{"a":1}\n'], ['b.json', '{"b":1}\n']]);

  it('finds nothing when the files match', () => {
    expect(findDocsDrift(expected, new Map(expected))).toEqual([]);
  });

  it('names changed, missing and stale files', () => {
    const actual = new Map([['a.json', '{"a":2}\n'], ['old.json', '{}']]);
    expect(findDocsDrift(expected, actual)).toEqual(['a.json differs from the schemas', 'b.json is missing', 'old.json is not generated from any schema (stale?)']);
  });
});
