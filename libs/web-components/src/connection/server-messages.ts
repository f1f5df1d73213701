import { parseServerMessage, type ReceivedServerMessage } from '@redwire/protocol';

/** A server → browser message, read leniently by `@redwire/protocol` (unknown fields and types are ignored). */
export type ServerMessage = ReceivedServerMessage;

/** A statement outcome: the last message a statement gets. */
export type OutcomeMessage = Extract<ServerMessage, { type: 'completed' | 'failed' | 'aborted' }>;

/** A statement's final state as `GET /statements/{id}` tells it (the HTTP fallback). */
export type FinalStatus =
  | { state: 'finished'; rowCount: number }
  | { state: 'failed'; error: { code: string; message: string } }
  | { state: 'aborted' };

/** One frame's text as a {@link ServerMessage}, or `undefined` for anything this page does not understand. */
export function readServerMessage(frame: string): ServerMessage | undefined {
  const result = parseServerMessage(frame);
  return result.kind === 'message' ? result.message : undefined;
}

/** The outcome message a final status stands for, addressed like the push would have been. */
export function outcomeFromStatus(status: FinalStatus, ids: { statementId: string; topic: string; requestId: string }): OutcomeMessage {
  switch (status.state) {
    case 'finished':
      return { type: 'completed', ...ids, rowCount: status.rowCount };
    case 'failed':
      return { type: 'failed', ...ids, error: status.error };
    case 'aborted':
      return { type: 'aborted', ...ids };
  }
}
