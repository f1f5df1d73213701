import type { ErrorCode } from '../errors.js';
import { describeIssue } from '../issues.js';
import {
  serverMessageSchema,
  type AbortedMessage,
  type AcceptedMessage,
  type CompletedMessage,
  type ErrorMessage,
  type FailedMessage,
  type PongMessage,
  type ServerMessage,
} from './server.js';

/** A server message that breaks the protocol: a bug on the server, never the client's fault. */
export class InvalidServerMessageError extends Error {
  override readonly name = 'InvalidServerMessageError';
}

function checked<M extends ServerMessage>(message: M): M {
  const result = serverMessageSchema.safeParse(message);
  if (!result.success) {
    const [first] = result.error.issues;
    throw new InvalidServerMessageError(`${message.type} message: ${first ? describeIssue(first, message) : 'invalid'}`);
  }
  return message;
}

type Fields<M extends ServerMessage> = Omit<M, 'type'>;

/**
 * Builders for every server → client message. Each checks the result against
 * the strict schema and throws {@link InvalidServerMessageError} if it breaks it.
 */
export const serverMessages = {
  accepted(fields: Omit<Fields<AcceptedMessage>, 'submittedAt'> & { submittedAt: Date | string }): AcceptedMessage {
    const submittedAt = fields.submittedAt instanceof Date ? fields.submittedAt.toISOString() : fields.submittedAt;
    return checked({ type: 'accepted', requestId: fields.requestId, topic: fields.topic, statementId: fields.statementId, submittedAt });
  },
  completed(fields: Fields<CompletedMessage>): CompletedMessage {
    return checked({ type: 'completed', ...fields });
  },
  failed(fields: Fields<FailedMessage>): FailedMessage {
    return checked({ type: 'failed', ...fields });
  },
  aborted(fields: Fields<AbortedMessage>): AbortedMessage {
    return checked({ type: 'aborted', ...fields });
  },
  error(code: ErrorCode, message: string, ids: { requestId?: string; statementId?: string } = {}): ErrorMessage {
    const built: ErrorMessage = { type: 'error', code, message };
    if (ids.requestId !== undefined) built.requestId = ids.requestId;
    if (ids.statementId !== undefined) built.statementId = ids.statementId;
    return checked(built);
  },
  pong(): PongMessage {
    return { type: 'pong' };
  },
};

/** JSON text of a server message, after checking it strictly (throws {@link InvalidServerMessageError}). */
export function serializeServerMessage(message: ServerMessage): string {
  return JSON.stringify(checked(message));
}
