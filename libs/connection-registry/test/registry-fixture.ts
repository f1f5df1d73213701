import { afterAll, beforeAll } from 'vitest';
import { createConnectionRegistry, type ConnectionRegistry } from '../src/connection-registry.js';
import type { NewSubscription } from '../src/subscriptions.repository.js';
import { startLocalDynamoDb, type LocalDynamoDb } from './local-dynamodb.js';

/** A clock tests move by hand. */
export class TestClock {
  constructor(private current = new Date('2026-11-28T10:00:00.000Z')) {}
  readonly now = (): Date => new Date(this.current);
  advance(seconds: number): void {
    this.current = new Date(this.current.getTime() + seconds * 1000);
  }
}

/** Starts one dynalite for the spec file; each `registry()` gets its own fresh table. */
export function useLocalRegistry() {
  let dynamo: LocalDynamoDb;
  beforeAll(async () => {
    dynamo = await startLocalDynamoDb();
  });
  afterAll(() => dynamo.close());
  return {
    async registry(options: { maxRunningPerUser?: number } = {}): Promise<{ registry: ConnectionRegistry; clock: TestClock; tableName: string }> {
      const clock = new TestClock();
      const tableName = await dynamo.createRegistryTable();
      return { registry: createConnectionRegistry({ client: dynamo.client, tableName, now: clock.now, ...options }), clock, tableName };
    },
    get client() {
      return dynamo.client;
    },
  };
}

export function newSubscription(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return { requestId: 'req-1', connectionId: 'conn-a', topic: 'trips', userId: 'user-a', reportId: 'trips-per-day', ...overrides };
}
