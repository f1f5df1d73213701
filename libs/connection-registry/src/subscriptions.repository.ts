import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import {
  SUBSCRIPTION_TTL_SECONDS,
  epochSeconds,
  isOpenState,
  isSubscriptionKey,
  newSubscriptionKey,
  type Outcome,
  type Subscription,
} from './model.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError, isConditionFailed, requireText } from './registry-error.js';
import type { RunningSlots } from './running-slots.repository.js';
import { SubscriptionReads, toSubscription } from './subscription-reads.js';
import { SK, SWEEP, subscriptionKey } from './table-layout.js';

export interface NewSubscription {
  readonly requestId: string;
  readonly connectionId: string;
  readonly topic: string;
  readonly userId: string;
  readonly reportId: string;
}

/** The result of a final transition: only the call with `won: true` may notify. */
export interface FinishResult {
  readonly won: boolean;
  /** The subscription as it is now (with the winner's outcome when this call lost). */
  readonly subscription: Subscription;
}

/** {@link Subscriptions.finishOnce}: a lost write carries the current item, or none when there is no such subscription. */
export type FinishOnceResult = FinishResult | { readonly won: false; readonly subscription: Subscription | undefined };

export interface ResumeResult {
  readonly statementId: string;
  /** Undefined when the statement is unknown or someone else's. */
  readonly subscription?: Subscription;
}

const OPEN_CONDITION = '#state IN (:pending, :running)';
const OPEN_VALUES = { ':pending': 'pending', ':running': 'running' };

/** Subscriptions: written before the statement runs, final state set exactly once. */
export class Subscriptions extends SubscriptionReads {
  constructor(
    context: RegistryContext,
    private readonly slots: RunningSlots,
  ) {
    super(context);
  }

  /**
   * Takes a running slot (or fails with `too_many_statements`, writing nothing) and writes the
   * pending subscription under a fresh key. Run the statement afterwards, named with
   * `statementNameFor(reportId, key)`; if that fails, {@link finish} it as failed (frees the slot).
   */
  async createPending(input: NewSubscription): Promise<Subscription> {
    const { requestId, connectionId, topic, userId, reportId } = input;
    for (const [name, value] of Object.entries({ requestId, connectionId, topic, userId, reportId })) requireText(value, name);
    const key = newSubscriptionKey();
    const slot = await this.slots.acquire(userId, key);
    const now = this.context.now();
    const createdAt = now.toISOString();
    const subscription: Subscription = {
      requestId,
      connectionId,
      topic,
      userId,
      reportId,
      key,
      state: 'pending',
      createdAt,
      slot,
      ttl: epochSeconds(now) + SUBSCRIPTION_TTL_SECONDS,
    };
    try {
      await this.context.client.send(
        new PutCommand({
          TableName: this.context.tableName,
          Item: { ...subscriptionKey(key), entity: SK.subscription, ...subscription, sweep: SWEEP.open, sweepAt: createdAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      await this.slots.release(userId, slot);
      if (isConditionFailed(error)) throw new RegistryError('subscription_exists', 'a subscription with this key exists already');
      throw error;
    }
    return subscription;
  }

  /**
   * Records the Data API statement id. A pending subscription becomes `running`; one that is
   * final already (the event overtook this call) only gains the id.
   */
  async attachStatement(key: string, statementId: string): Promise<Subscription> {
    this.requireKey(key);
    requireText(statementId, 'statementId');
    try {
      return await this.update(key, {
        UpdateExpression: 'SET statementId = :id, #state = :running',
        ConditionExpression: '#state = :pending',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':id': statementId, ':pending': 'pending', ':running': 'running' },
      });
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
    try {
      return await this.update(key, {
        UpdateExpression: 'SET statementId = :id',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(statementId) OR statementId = :id)',
        ExpressionAttributeValues: { ':id': statementId },
      });
    } catch (error) {
      if (isConditionFailed(error)) throw new RegistryError('subscription_not_found', `no open subscription ${key} for statement ${statementId}`);
      throw error;
    }
  }

  /**
   * Sets the final state and outcome — once. Of any number of concurrent or repeated calls
   * exactly one gets `won: true`. The subscription's slot is released on every call (release is
   * idempotent), so a crash after the winning write is healed by the next delivery.
   */
  async finish(key: string, outcome: Outcome, statementId?: string): Promise<FinishResult> {
    const { won, subscription } = await this.finishOnce(key, outcome, statementId);
    if (!subscription) throw new RegistryError('subscription_not_found', `no subscription ${key}`);
    await this.releaseSlot(subscription);
    return { won, subscription };
  }

  /**
   * The final transition alone, in one conditional UpdateItem (ALL_NEW): exactly one call wins.
   * With `statementId`, the subscription must also be that statement's or not know its id yet
   * (an event that overtook {@link attachStatement}), which it then records. The slot is not
   * released: tell the user first, then {@link releaseSlot} (idempotent). Only a lost write
   * costs a second call (a consistent read of the current item, absent when there is none).
   */
  async finishOnce(key: string, outcome: Outcome, statementId?: string): Promise<FinishOnceResult> {
    this.requireKey(key);
    const now = this.context.now().toISOString();
    const { state, ...details } = outcome;
    try {
      const subscription = await this.update(key, {
        UpdateExpression: `SET #state = :final, outcome = :outcome, finishedAt = :now${statementId ? ', statementId = :id' : ''} REMOVE sweep, sweepAt, orphanedSince`,
        ConditionExpression: statementId ? `${OPEN_CONDITION} AND (attribute_not_exists(statementId) OR statementId = :id)` : OPEN_CONDITION,
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ...OPEN_VALUES, ':final': state, ':outcome': { state, ...details }, ':now': now, ...(statementId ? { ':id': statementId } : {}) },
      });
      return { won: true, subscription };
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
      return { won: false, subscription: await this.get(key) };
    }
  }

  /** Frees the running slot `subscription` holds; a second release changes nothing. */
  async releaseSlot(subscription: Pick<Subscription, 'userId' | 'slot'>): Promise<void> {
    await this.slots.release(subscription.userId, subscription.slot);
  }

  /**
   * Re-attaches the caller's own subscriptions to `connectionId` (resume after a reconnect).
   * Unknown or foreign statement ids come back without a subscription, and nothing is changed for them.
   */
  async resume(userId: string, connectionId: string, statementIds: readonly string[]): Promise<ResumeResult[]> {
    requireText(userId, 'userId');
    requireText(connectionId, 'connectionId');
    const results: ResumeResult[] = [];
    for (const statementId of statementIds) {
      const found = await this.getByStatementId(statementId);
      const subscription = found?.userId === userId ? await this.reattach(found, connectionId) : undefined;
      results.push(subscription ? { statementId, subscription } : { statementId });
    }
    return results;
  }

  /**
   * `$disconnect`: marks the connection's open subscriptions orphaned since now, so the sweeper
   * can cancel them after the grace period. Returns the subscriptions it marked.
   */
  async orphanConnection(connectionId: string): Promise<Subscription[]> {
    const now = this.context.now().toISOString();
    const marked: Subscription[] = [];
    for (const subscription of await this.listByConnection(connectionId)) {
      if (!isOpenState(subscription.state)) continue;
      try {
        marked.push(
          await this.update(subscription.key, {
            UpdateExpression: 'SET orphanedSince = :now, sweep = :orphaned, sweepAt = :now',
            ConditionExpression: `connectionId = :c AND ${OPEN_CONDITION}`,
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: { ...OPEN_VALUES, ':now': now, ':orphaned': SWEEP.orphaned, ':c': connectionId },
          }),
        );
      } catch (error) {
        if (!isConditionFailed(error)) throw error; // finished or resumed elsewhere meanwhile
      }
    }
    return marked;
  }

  private async reattach(subscription: Subscription, connectionId: string): Promise<Subscription | undefined> {
    const owner = { ':c': connectionId, ':u': subscription.userId };
    try {
      if (isOpenState(subscription.state))
        return await this.update(subscription.key, {
          UpdateExpression: 'SET connectionId = :c, sweep = :open, sweepAt = createdAt REMOVE orphanedSince',
          ConditionExpression: `userId = :u AND ${OPEN_CONDITION}`,
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ...owner, ...OPEN_VALUES, ':open': SWEEP.open },
        });
    } catch (error) {
      if (!isConditionFailed(error)) throw error; // it became final meanwhile: re-attach without the sweep marks
    }
    try {
      return await this.update(subscription.key, {
        UpdateExpression: 'SET connectionId = :c REMOVE orphanedSince',
        ConditionExpression: 'userId = :u',
        ExpressionAttributeValues: owner,
      });
    } catch (error) {
      if (isConditionFailed(error)) return undefined;
      throw error;
    }
  }

  private async update(
    key: string,
    input: Pick<ConstructorParameters<typeof UpdateCommand>[0], 'UpdateExpression' | 'ConditionExpression' | 'ExpressionAttributeNames' | 'ExpressionAttributeValues'>,
  ): Promise<Subscription> {
    const { Attributes } = await this.context.client.send(
      new UpdateCommand({ ...input, TableName: this.context.tableName, Key: subscriptionKey(key), ReturnValues: 'ALL_NEW' }),
    );
    return toSubscription(Attributes ?? {});
  }

  private requireKey(key: string): void {
    if (!isSubscriptionKey(key)) throw new RegistryError('invalid_argument', 'key must be a subscription key (base64url)');
  }
}
