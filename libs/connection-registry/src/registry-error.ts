export type RegistryErrorCode =
  /** The user already holds every running slot (protocol code too). */
  | 'too_many_statements'
  /** No subscription under that key or statement id (or not the caller's). */
  | 'subscription_not_found'
  /** A subscription with that key exists already (a key collision or a retried create). */
  | 'subscription_exists'
  /** An argument that can never be valid (empty id, malformed key); nothing was read or written. */
  | 'invalid_argument';

/** A failure the caller is expected to handle; anything else is an infrastructure error. */
export class RegistryError extends Error {
  constructor(
    readonly code: RegistryErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RegistryError';
  }
}

export function isRegistryError(error: unknown, code?: RegistryErrorCode): error is RegistryError {
  return error instanceof RegistryError && (code === undefined || error.code === code);
}

/** DynamoDB's answer when a condition expression did not hold. */
export function isConditionFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

export function requireText(value: string, what: string): void {
  if (typeof value !== 'string' || value.length === 0 || value.length > 1024)
    throw new RegistryError('invalid_argument', `${what} must be 1–1024 characters`);
}
