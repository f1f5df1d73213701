import { randomBytes } from 'node:crypto';
import type { ErrorCode } from '@redwire/protocol';
import { STATEMENT_NAME_PREFIX } from '@redwire/system';

/** A WebSocket connection as registered at `$connect`. */
export interface Connection {
  readonly connectionId: string;
  readonly userId: string;
  readonly groups: readonly string[];
  /** ISO 8601. */
  readonly connectedAt: string;
  /** Epoch seconds; DynamoDB TTL. */
  readonly ttl: number;
}

export type OpenState = 'pending' | 'running';
export type FinalState = 'finished' | 'failed' | 'aborted';
export type SubscriptionState = OpenState | FinalState;

/** What a statement ended with; set once, together with the final state. */
export type Outcome =
  | { readonly state: 'finished'; readonly rowCount: number }
  | { readonly state: 'failed'; readonly error: { readonly code: ErrorCode; readonly message: string } }
  | { readonly state: 'aborted'; readonly error?: { readonly code: ErrorCode; readonly message: string } };

/** One submitted report, waiting for (or holding) its outcome. Many per connection. */
export interface Subscription {
  /** Random URL-safe id; also the last part of the statement name. */
  readonly key: string;
  readonly requestId: string;
  readonly statementId?: string;
  readonly connectionId: string;
  readonly topic: string;
  readonly userId: string;
  readonly reportId: string;
  readonly state: SubscriptionState;
  readonly outcome?: Outcome;
  readonly createdAt: string;
  readonly finishedAt?: string;
  /** Set on `$disconnect` while still open; cleared by resume. */
  readonly orphanedSince?: string;
  /** The per-user slot this subscription holds (freed with the final state). */
  readonly slot: string;
  readonly ttl: number;
}

export const OPEN_STATES: readonly OpenState[] = ['pending', 'running'];

export function isOpenState(state: SubscriptionState): state is OpenState {
  return state === 'pending' || state === 'running';
}

/** Data API results live 24 h; keep subscriptions a little longer so late resumes still find them. */
export const SUBSCRIPTION_TTL_SECONDS = 26 * 3600;
/** API Gateway closes WebSockets after 2 h at most; keep a margin. */
export const CONNECTION_TTL_SECONDS = 3 * 3600;
/** Slot records outlive every subscription that could hold them. */
export const SLOTS_TTL_SECONDS = SUBSCRIPTION_TTL_SECONDS;

export function epochSeconds(at: Date): number {
  return Math.floor(at.getTime() / 1000);
}

/** 128 random bits, base64url: safe in statement names, URLs and keys. */
export function newSubscriptionKey(): string {
  return randomBytes(16).toString('base64url');
}

const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export function isSubscriptionKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

/** `redwire:<report>:<key>`, the name notify finds the subscription by. */
export function statementNameFor(reportId: string, key: string): string {
  return `${STATEMENT_NAME_PREFIX}${reportId}:${key}`;
}

/** The report and subscription key in a statement name, or undefined for names Redwire did not give. */
export function parseStatementName(name: string | undefined): { reportId: string; key: string } | undefined {
  if (!name?.startsWith(STATEMENT_NAME_PREFIX)) return undefined;
  const rest = name.slice(STATEMENT_NAME_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  if (colon <= 0) return undefined;
  const reportId = rest.slice(0, colon);
  const key = rest.slice(colon + 1);
  return isSubscriptionKey(key) ? { reportId, key } : undefined;
}
