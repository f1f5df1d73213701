import * as z from 'zod/mini';
import { errorDetailReaderSchema } from '../errors.js';
import { describeIssue } from '../issues.js';

/*
 * What the browser reads. Lenient on purpose: unknown fields are dropped,
 * error codes a newer server adds arrive as plain strings, and a message type
 * this page does not know is reported, not thrown, so an embedded page keeps
 * working after a server upgrade.
 */
const text = z.string().check(z.minLength(1));
const rowCount = z.int().check(z.gte(0));

const readers = {
  accepted: z.object({ type: z.literal('accepted'), requestId: text, topic: text, statementId: text, submittedAt: text }),
  completed: z.object({ type: z.literal('completed'), statementId: text, topic: text, requestId: text, rowCount }),
  failed: z.object({ type: z.literal('failed'), statementId: text, topic: text, requestId: text, error: errorDetailReaderSchema }),
  aborted: z.object({ type: z.literal('aborted'), statementId: text, topic: text, requestId: text }),
  error: z.object({
    type: z.literal('error'),
    code: text,
    message: z.string(),
    requestId: z.optional(text),
    statementId: z.optional(text),
  }),
  pong: z.object({ type: z.literal('pong') }),
};

type Readers = typeof readers;
/** A server message as the browser sees it (codes may be ones this page does not know). */
export type ReceivedServerMessage = { [T in keyof Readers]: z.output<Readers[T]> }[keyof Readers];

export type ReadServerMessageResult =
  | { kind: 'message'; message: ReceivedServerMessage }
  /** A message type from a newer server: ignore it (or log it). */
  | { kind: 'unknown'; type: string }
  /** Not a server message at all, or a known type with missing/mistyped fields. */
  | { kind: 'invalid'; reason: string };

/**
 * Reads one server → client message (WebSocket text, or a value already parsed).
 * Never throws.
 */
export function parseServerMessage(raw: unknown): ReadServerMessageResult {
  let value = raw;
  if (typeof raw === 'string') {
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return { kind: 'invalid', reason: 'message is not valid JSON' };
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { kind: 'invalid', reason: 'message must be a JSON object' };
  const type = (value as Record<string, unknown>)['type'];
  if (typeof type !== 'string') return { kind: 'invalid', reason: 'type must be a string' };
  if (!Object.hasOwn(readers, type)) return { kind: 'unknown', type };

  const result = readers[type as keyof Readers].safeParse(value);
  if (result.success) return { kind: 'message', message: result.data };
  const [first] = result.error.issues;
  return { kind: 'invalid', reason: first ? describeIssue(first, value) : 'message is invalid' };
}
