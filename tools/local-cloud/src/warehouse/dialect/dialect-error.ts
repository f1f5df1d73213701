/** Redshift SQL the local dialect layer cannot translate; the statement ends FAILED with this message. */
export class DialectError extends Error {
  override readonly name = 'DialectError';
}
