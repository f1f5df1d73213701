import * as z from 'zod/mini';
import { errorCodeSchema, errorDetailSchema, errorMessageTextSchema } from '../errors.js';
import { requestIdSchema, statementIdSchema, topicSchema } from '../ids.js';

/** ISO 8601 UTC timestamp with `Z`, as `Date.prototype.toISOString` writes it. */
export const isoTimestampSchema = z.iso.datetime();
const rowCountSchema = z.int().check(z.gte(0));

/** The statement was started; its outcome follows (and may arrive first). */
export const acceptedMessageSchema = z.strictObject({
  type: z.literal('accepted'),
  requestId: requestIdSchema,
  topic: topicSchema,
  statementId: statementIdSchema,
  submittedAt: isoTimestampSchema,
});

/** Finished; rows are fetched over HTTP. */
export const completedMessageSchema = z.strictObject({
  type: z.literal('completed'),
  statementId: statementIdSchema,
  topic: topicSchema,
  requestId: requestIdSchema,
  rowCount: rowCountSchema,
});

/** The warehouse reported a failure. */
export const failedMessageSchema = z.strictObject({
  type: z.literal('failed'),
  statementId: statementIdSchema,
  topic: topicSchema,
  requestId: requestIdSchema,
  error: errorDetailSchema,
});

/** Cancelled (by the user, or by the system for an abandoned statement). */
export const abortedMessageSchema = z.strictObject({
  type: z.literal('aborted'),
  statementId: statementIdSchema,
  topic: topicSchema,
  requestId: requestIdSchema,
});

/** A request was refused or went wrong before or apart from a statement outcome. */
export const errorMessageSchema = z.strictObject({
  type: z.literal('error'),
  code: errorCodeSchema,
  message: errorMessageTextSchema,
  requestId: z.optional(requestIdSchema),
  statementId: z.optional(statementIdSchema),
});

/** Answer to `ping`. */
export const pongMessageSchema = z.strictObject({
  type: z.literal('pong'),
});

/** Any server → client message, as the server writes it (strict). */
export const serverMessageSchema = z.discriminatedUnion('type', [
  acceptedMessageSchema,
  completedMessageSchema,
  failedMessageSchema,
  abortedMessageSchema,
  errorMessageSchema,
  pongMessageSchema,
]);

export type AcceptedMessage = z.output<typeof acceptedMessageSchema>;
export type CompletedMessage = z.output<typeof completedMessageSchema>;
export type FailedMessage = z.output<typeof failedMessageSchema>;
export type AbortedMessage = z.output<typeof abortedMessageSchema>;
export type ErrorMessage = z.output<typeof errorMessageSchema>;
export type PongMessage = z.output<typeof pongMessageSchema>;
export type ServerMessage = z.output<typeof serverMessageSchema>;
export type ServerMessageType = ServerMessage['type'];
export const SERVER_MESSAGE_TYPES = ['accepted', 'completed', 'failed', 'aborted', 'error', 'pong'] as const satisfies readonly ServerMessageType[];
