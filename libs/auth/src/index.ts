/** Cognito ID-token verification shared by the HTTP API authorizer (local cloud) and the WebSocket authorizer. */
export * from './auth.config.js';
export * from './auth.errors.js';
export * from './id-token.verifier.js';
