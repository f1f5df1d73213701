import { parseClientMessage, serverMessages, type ClientMessage, type ServerMessage } from '@redwire/protocol';
import { cancelStatement } from './cancel-statement.js';
import { deliver } from './deliver.js';
import type { Identity, MessageDependencies } from './flow-ports.js';
import { resumeStatements } from './resume-statements.js';
import type { Session } from './session.js';
import { submitReport } from './submit-report.js';

/** One inbound WebSocket frame as API Gateway hands it to a route. */
export interface InboundFrame {
  readonly connectionId: string;
  /** From `requestContext.authorizer`; undefined if the connection was not authorized (never on Redwire's API). */
  readonly identity: Identity | undefined;
  readonly body: string | undefined;
  readonly isBase64Encoded: boolean;
  /** API Gateway's request id, for the logs. */
  readonly apiRequestId?: string;
}

/**
 * Handles one frame on any route (`submit`, `cancel`, `resume`, `ping`, `$default`): strict
 * parsing first, so anything that is not exactly a valid message gets one typed `error` and
 * nothing is read, written or run. Replies go through `@connections`, never as route responses.
 */
export async function handleMessage(deps: MessageDependencies, frame: InboundFrame): Promise<void> {
  const logger = deps.logger.child({ connectionId: frame.connectionId, ...(frame.apiRequestId ? { apiRequestId: frame.apiRequestId } : {}) });
  const reply = (message: ServerMessage) => deliver({ ...deps, logger }, frame.connectionId, message);
  if (frame.identity === undefined) {
    logger.warn('message on a connection without an authorizer identity');
    await reply(serverMessages.error('unauthorized', 'this connection is not signed in'));
    return;
  }
  const raw = frame.isBase64Encoded ? Buffer.from(frame.body ?? '', 'base64') : (frame.body ?? '');
  const parsed = parseClientMessage(raw);
  if (!parsed.ok) {
    logger.info({ code: parsed.error.code, userId: frame.identity.userId }, 'frame refused');
    await reply(serverMessages.error(parsed.error.code, parsed.error.message, parsed.error.requestId ? { requestId: parsed.error.requestId } : {}));
    return;
  }
  const session: Session = { connectionId: frame.connectionId, identity: frame.identity, logger: logger.child({ userId: frame.identity.userId }) };
  try {
    await route(deps, session, parsed.message, reply);
  } catch (error) {
    // Details stay in the logs; the client learns only that it may retry.
    const requestId = 'requestId' in parsed.message ? parsed.message.requestId : undefined;
    session.logger.error({ err: error, action: parsed.message.action, ...(requestId ? { requestId } : {}) }, 'message handling failed');
    await reply(serverMessages.error('unavailable', 'the request could not be completed; try again shortly', requestId ? { requestId } : {}));
  }
}

async function route(deps: MessageDependencies, session: Session, message: ClientMessage, reply: (message: ServerMessage) => Promise<unknown>): Promise<void> {
  switch (message.action) {
    case 'submit':
      return submitReport(deps, session, message);
    case 'cancel':
      return cancelStatement(deps, session, message);
    case 'resume':
      return resumeStatements(deps, session, message);
    case 'ping':
      await reply(serverMessages.pong());
      return;
  }
}
