import * as z from 'zod/mini';
import { paramNameSchema, reportIdSchema, requestIdSchema, statementIdSchema, topicSchema } from '../ids.js';

/** Largest client message the server reads, in UTF-8 bytes (API Gateway allows 128 KB; Redwire needs far less). */
export const MAX_CLIENT_MESSAGE_BYTES = 16 * 1024;
/** Most statements one `resume` may name. */
export const MAX_RESUME_STATEMENTS = 50;
/** Most parameters one `submit` may carry. */
export const MAX_SUBMIT_PARAMS = 32;

export const CLIENT_ACTIONS = ['submit', 'cancel', 'resume', 'ping'] as const;
export type ClientAction = (typeof CLIENT_ACTIONS)[number];

/**
 * Report parameters: a plain JSON object keyed by parameter name. Values are
 * checked later against the report's own parameter kinds, never spliced into SQL.
 */
export const submitParamsSchema = z.record(paramNameSchema, z.unknown()).check(
  z.refine((params) => Object.keys(params).length <= MAX_SUBMIT_PARAMS, `must have at most ${MAX_SUBMIT_PARAMS} entries`),
);

/** Run a catalog report; replies carry `requestId` and `topic` back. */
export const submitMessageSchema = z.strictObject({
  action: z.literal('submit'),
  requestId: requestIdSchema,
  topic: topicSchema,
  report: reportIdSchema,
  params: submitParamsSchema,
});

/** Cancel one of the caller's running statements. */
export const cancelMessageSchema = z.strictObject({
  action: z.literal('cancel'),
  statementId: statementIdSchema,
  requestId: z.optional(requestIdSchema),
});

/** After a reconnect: re-send the outcome of these statements (or subscribe again while they run). */
export const resumeMessageSchema = z.strictObject({
  action: z.literal('resume'),
  statementIds: z.array(statementIdSchema).check(
    z.minLength(1, `must list 1–${MAX_RESUME_STATEMENTS} statement ids`),
    z.maxLength(MAX_RESUME_STATEMENTS, `must list 1–${MAX_RESUME_STATEMENTS} statement ids`),
    z.refine((ids) => new Set(ids).size === ids.length, 'must not repeat a statement id'),
  ),
  requestId: z.optional(requestIdSchema),
});

/** Keep-alive; answered by `pong`. */
export const pingMessageSchema = z.strictObject({
  action: z.literal('ping'),
});

/** Any client → server message (the server parses with {@link parseClientMessage}). */
export const clientMessageSchema = z.discriminatedUnion('action', [
  submitMessageSchema,
  cancelMessageSchema,
  resumeMessageSchema,
  pingMessageSchema,
]);

export type SubmitMessage = z.output<typeof submitMessageSchema>;
export type CancelMessage = z.output<typeof cancelMessageSchema>;
export type ResumeMessage = z.output<typeof resumeMessageSchema>;
export type PingMessage = z.output<typeof pingMessageSchema>;
export type ClientMessage = z.output<typeof clientMessageSchema>;

export const clientMessageSchemas: { readonly [A in ClientAction]: z.ZodMiniType<Extract<ClientMessage, { action: A }>> } = {
  submit: submitMessageSchema,
  cancel: cancelMessageSchema,
  resume: resumeMessageSchema,
  ping: pingMessageSchema,
};
