/**
 * Version of the wire protocol described by this library.
 * Bumped only for breaking changes; additive fields and message types keep it,
 * because readers ignore what they do not know.
 */
export const PROTOCOL_VERSION = 1;
