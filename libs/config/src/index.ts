/**
 * Start-up configuration (zod-parsed environment), the pino logger and the shared
 * AWS SDK clients every Redwire handler uses.
 */
export * from './aws-clients.js';
export * from './logger.js';
export * from './parse-env.js';
export * from './sections.js';
