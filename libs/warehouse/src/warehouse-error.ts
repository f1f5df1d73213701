import type { ErrorCode } from '@redwire/protocol';

export type WarehouseErrorCode = Extract<
  ErrorCode,
  | 'statement_not_found'
  | 'invalid_cursor'
  | 'invalid_params'
  | 'result_too_large'
  | 'result_not_ready'
  | 'too_many_statements'
  | 'unavailable'
>;

/** A failure with a protocol error code; the message is safe to show to the user. */
export class WarehouseError extends Error {
  constructor(
    readonly code: WarehouseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WarehouseError';
  }
}

export function isWarehouseError(error: unknown, code?: WarehouseErrorCode): error is WarehouseError {
  return error instanceof WarehouseError && (code === undefined || error.code === code);
}

/** Maps the Data API's documented exceptions to typed errors; anything else is rethrown as is. */
export function translateDataApiError(error: unknown, statementId?: string): never {
  const name = error instanceof Error ? error.name : '';
  const subject = statementId ? `statement ${statementId}` : 'statement';
  switch (name) {
    case 'ResourceNotFoundException':
      throw new WarehouseError('statement_not_found', `${subject} is unknown to the warehouse or its results expired`, { cause: error });
    case 'ActiveStatementsExceededException':
    case 'ActiveSessionsExceededException':
      throw new WarehouseError('too_many_statements', 'the warehouse is running too many statements; try again shortly', { cause: error });
    case 'ValidationException':
      throw new WarehouseError('invalid_params', `the warehouse refused the request: ${(error as Error).message}`, { cause: error });
    case 'InternalServerException':
    case 'DatabaseConnectionException':
    case 'QueryTimeoutException':
      throw new WarehouseError('unavailable', 'the warehouse is temporarily unavailable', { cause: error });
    default:
      throw error;
  }
}
