import * as z from 'zod/mini';
import { errorDetailSchema } from '../errors.js';
import { reportIdSchema, statementIdSchema } from '../ids.js';

export const STATEMENT_STATES = ['submitted', 'running', 'finished', 'failed', 'aborted'] as const;
export type StatementState = (typeof STATEMENT_STATES)[number];
/** States after which nothing changes. */
export const FINAL_STATEMENT_STATES = ['finished', 'failed', 'aborted'] as const satisfies readonly StatementState[];

/**
 * `GET /statements/{id}`: where a statement stands. `rowCount` comes with
 * `finished` and only then; `error` with `failed` and only then.
 */
export const statementStatusSchema = z.strictObject({
  statementId: statementIdSchema,
  reportId: reportIdSchema,
  state: z.enum(STATEMENT_STATES),
  submittedAt: z.iso.datetime(),
  elapsedMs: z.int().check(z.gte(0)),
  rowCount: z.optional(z.int().check(z.gte(0))),
  error: z.optional(errorDetailSchema),
}).check(
  z.refine((status) => (status.state === 'finished') === (status.rowCount !== undefined), 'rowCount is given exactly when finished'),
  z.refine((status) => (status.state === 'failed') === (status.error !== undefined), 'error is given exactly when failed'),
);

export type StatementStatus = z.output<typeof statementStatusSchema>;

/** True once the statement can no longer change state. */
export function isFinalState(state: StatementState): boolean {
  return (FINAL_STATEMENT_STATES as readonly StatementState[]).includes(state);
}
