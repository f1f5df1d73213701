/**
 * The server → browser messages this library reacts to, read leniently
 * (unknown fields and unknown message types are ignored, DESIGN "lenient reading").
 */
export interface ErrorInfo {
  code: string;
  message: string;
}

export type ServerMessage =
  | { type: 'accepted'; requestId: string; topic: string; statementId: string; submittedAt: string }
  | { type: 'completed'; statementId: string; topic?: string; requestId?: string; rowCount?: number }
  | { type: 'failed'; statementId: string; topic?: string; requestId?: string; error: ErrorInfo }
  | { type: 'aborted'; statementId: string; topic?: string; requestId?: string }
  | { type: 'error'; requestId?: string; statementId?: string; topic?: string; error: ErrorInfo }
  | { type: 'pong' };

/** A statement outcome: the last message a statement gets. */
export type OutcomeMessage = Extract<ServerMessage, { type: 'completed' | 'failed' | 'aborted' }>;

const text = (value: unknown): value is string => typeof value === 'string' && value !== '';
const optionalText = (value: unknown): string | undefined => (text(value) ? value : undefined);

function errorInfo(value: unknown): ErrorInfo {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return {
    code: text(raw['code']) ? raw['code'] : 'internal',
    message: typeof raw['message'] === 'string' ? raw['message'] : '',
  };
}

/** One frame's text as a {@link ServerMessage}, or `undefined` for anything this page does not understand. */
export function readServerMessage(frame: string): ServerMessage | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(frame);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const message = raw as Record<string, unknown>;
  const ids = { topic: optionalText(message['topic']), requestId: optionalText(message['requestId']) };
  switch (message['type']) {
    case 'pong':
      return { type: 'pong' };
    case 'accepted':
      if (!text(message['statementId']) || !ids.requestId || !ids.topic) return undefined;
      return {
        type: 'accepted',
        requestId: ids.requestId,
        topic: ids.topic,
        statementId: message['statementId'],
        submittedAt: optionalText(message['submittedAt']) ?? new Date().toISOString(),
      };
    case 'completed':
      if (!text(message['statementId'])) return undefined;
      return {
        type: 'completed',
        statementId: message['statementId'],
        ...ids,
        rowCount: typeof message['rowCount'] === 'number' ? message['rowCount'] : undefined,
      };
    case 'failed':
      if (!text(message['statementId'])) return undefined;
      return { type: 'failed', statementId: message['statementId'], ...ids, error: errorInfo(message['error']) };
    case 'aborted':
      if (!text(message['statementId'])) return undefined;
      return { type: 'aborted', statementId: message['statementId'], ...ids };
    case 'error':
      return { type: 'error', ...ids, statementId: optionalText(message['statementId']), error: errorInfo(message['error']) };
    default:
      return undefined;
  }
}
