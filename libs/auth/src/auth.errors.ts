/** A token that must not be let in: missing, malformed, expired, wrongly signed, or for another client. */
export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';
  readonly code = 'unauthorized';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`Unauthorized: ${reason}`, options);
  }
}

/** The verifier's configuration is missing or wrong; names the environment variable when it came from one. */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}
