/**
 * The connection registry: WebSocket connections, report subscriptions and per-user running
 * slots on one DynamoDB table (layout in table-layout.ts, indexes from @redwire/system).
 */
export * from './connection-registry.js';
export type { Connections } from './connections.repository.js';
export * from './model.js';
export * from './registry-error.js';
export type { RunningSlots } from './running-slots.repository.js';
export type { SubscriptionReads } from './subscription-reads.js';
export type { FinishOnceResult, FinishResult, NewSubscription, ResumeResult, Subscriptions } from './subscriptions.repository.js';
export { createTableInput, INDEX, SWEEP } from './table-layout.js';
