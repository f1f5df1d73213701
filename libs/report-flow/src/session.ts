import type { Logger } from '@redwire/config';
import type { Identity } from './flow-ports.js';

/** One WebSocket request: who sent it, on which connection, with a logger bound to both. */
export interface Session {
  readonly connectionId: string;
  readonly identity: Identity;
  readonly logger: Logger;
}
