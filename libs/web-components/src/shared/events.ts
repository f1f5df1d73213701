import type { ConnectionState } from '../connection/report-connection.js';

/** Detail of the events the elements fire for the host page. None carries a token or a password. */
export interface RedwireEventMap {
  'redwire-signed-up': { email: string };
  'redwire-verified': { email: string };
  'redwire-signed-in': { email: string };
  'redwire-signed-out': Record<string, never>;
  'redwire-connection-change': { state: ConnectionState };
  'redwire-submitted': { report: string; topic: string; requestId: string; params: Record<string, unknown> };
  'redwire-accepted': { report: string; topic: string; requestId: string; statementId: string };
  'redwire-completed': { report: string; topic: string; statementId: string; rowCount: number | undefined };
  'redwire-aborted': { report: string; topic: string; statementId: string };
  'redwire-error': { source: 'auth' | 'report' | 'session'; code: string; message: string; report?: string; topic?: string; statementId?: string };
}

export type RedwireEventName = keyof RedwireEventMap;

/** Fires a CustomEvent that bubbles and crosses shadow roots, so a host page can listen on any ancestor. */
export function fire<K extends RedwireEventName>(target: EventTarget, name: K, detail: RedwireEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'redwire-signed-up': CustomEvent<RedwireEventMap['redwire-signed-up']>;
    'redwire-verified': CustomEvent<RedwireEventMap['redwire-verified']>;
    'redwire-signed-in': CustomEvent<RedwireEventMap['redwire-signed-in']>;
    'redwire-signed-out': CustomEvent<RedwireEventMap['redwire-signed-out']>;
    'redwire-connection-change': CustomEvent<RedwireEventMap['redwire-connection-change']>;
    'redwire-submitted': CustomEvent<RedwireEventMap['redwire-submitted']>;
    'redwire-accepted': CustomEvent<RedwireEventMap['redwire-accepted']>;
    'redwire-completed': CustomEvent<RedwireEventMap['redwire-completed']>;
    'redwire-aborted': CustomEvent<RedwireEventMap['redwire-aborted']>;
    'redwire-error': CustomEvent<RedwireEventMap['redwire-error']>;
  }
}
