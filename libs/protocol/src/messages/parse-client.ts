import type { ErrorCode } from '../errors.js';
import { REQUEST_ID_PATTERN } from '../ids.js';
import { describeIssue } from '../issues.js';
import { CLIENT_ACTIONS, clientMessageSchemas, MAX_CLIENT_MESSAGE_BYTES, type ClientAction, type ClientMessage } from './client.js';

/** Why a client message was refused, ready to send back as an `error` message. */
export interface ClientMessageError {
  code: Extract<ErrorCode, 'invalid_message' | 'message_too_large'>;
  message: string;
  /** Echoed when the refused payload carried a well-formed requestId. */
  requestId?: string;
}

export type ParseClientMessageResult = { ok: true; message: ClientMessage } | { ok: false; error: ClientMessageError };

const MAX_NESTING = 16;
const utf8 = new TextEncoder();

function refuse(message: string, requestId?: string, code: ClientMessageError['code'] = 'invalid_message'): ParseClientMessageResult {
  return { ok: false, error: requestId === undefined ? { code, message } : { code, message, requestId } };
}

function tooLarge(): ParseClientMessageResult {
  return refuse(`message is larger than ${MAX_CLIENT_MESSAGE_BYTES} bytes`, undefined, 'message_too_large');
}

/** `__proto__` keys survive JSON.parse as own properties; refuse them outright, with overly deep nesting. */
function unsafeStructure(value: unknown, depth = 0): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  if (depth > MAX_NESTING) return `message is nested more than ${MAX_NESTING} levels deep`;
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return 'message contains a forbidden key';
    const problem = unsafeStructure((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

function decode(raw: unknown): { value: unknown } | { refused: ParseClientMessageResult } {
  let text: string;
  if (raw instanceof Uint8Array) {
    if (raw.byteLength > MAX_CLIENT_MESSAGE_BYTES) return { refused: tooLarge() };
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
    } catch {
      return { refused: refuse('message is not valid UTF-8 text') };
    }
  } else if (typeof raw === 'string') {
    if (raw.length > MAX_CLIENT_MESSAGE_BYTES || utf8.encode(raw).byteLength > MAX_CLIENT_MESSAGE_BYTES) return { refused: tooLarge() };
    text = raw;
  } else {
    return { value: raw };
  }
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { refused: refuse('message is not valid JSON') };
  }
}

/**
 * Reads one client → server message: raw WebSocket text (or bytes), or a value
 * already parsed from JSON. Strict: unknown actions and unknown fields are
 * refused. Never throws; a refusal carries a short reason that repeats nothing
 * the sender wrote, except a well-formed `requestId` so the client can match it.
 */
export function parseClientMessage(raw: unknown): ParseClientMessageResult {
  try {
    return parseUnsafely(raw);
  } catch {
    // Only reachable for exotic values handed in directly (e.g. a Proxy whose getters throw), never for wire text.
    return refuse('message is invalid');
  }
}

function parseUnsafely(raw: unknown): ParseClientMessageResult {
  const decoded = decode(raw);
  if ('refused' in decoded) return decoded.refused;
  const value = decoded.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return refuse('message must be a JSON object');

  const fields = value as Record<string, unknown>;
  const requestId = typeof fields['requestId'] === 'string' && REQUEST_ID_PATTERN.test(fields['requestId']) ? fields['requestId'] : undefined;
  const structureProblem = unsafeStructure(value);
  if (structureProblem) return refuse(structureProblem, requestId);

  const action = fields['action'];
  if (action === undefined) return refuse('action is required', requestId);
  if (typeof action !== 'string' || !(CLIENT_ACTIONS as readonly string[]).includes(action)) {
    return refuse(`action must be one of: ${CLIENT_ACTIONS.join(', ')}`, requestId);
  }

  const result = clientMessageSchemas[action as ClientAction].safeParse(value);
  if (result.success) return { ok: true, message: result.data };
  const [first] = result.error.issues;
  return refuse(first ? describeIssue(first, value) : 'message is invalid', requestId);
}
