import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { SLOTS_TTL_SECONDS, epochSeconds, isOpenState, type Subscription } from './model.js';
import type { RegistryContext } from './registry-context.js';
import { RegistryError, isConditionFailed } from './registry-error.js';
import { slotsKey } from './table-layout.js';

/** A slot whose subscription never appeared is stale after this long (a crash between acquire and create). */
const UNCLAIMED_SLOT_SECONDS = 60;

/**
 * Per-user running slots, without transactions: one item per user holding a string set of
 * slot tokens (`<acquired epoch s>.<subscription key>`). Acquire is one conditional `ADD`
 * (`size(held) < max`); release is a `DELETE` of that token, which is idempotent — a slot can
 * only be freed once, however many paths (notify twice, sweeper, failed execute) release it.
 */
export class RunningSlots {
  constructor(
    private readonly context: RegistryContext,
    readonly maxRunning: number,
    private readonly findSubscription: (key: string) => Promise<Subscription | undefined>,
  ) {}

  /**
   * Takes a slot for `key`, or fails with `too_many_statements`. When the user looks full, slots
   * whose subscription is final (or never appeared) are freed first — a crash between a final
   * write and its release cannot block a user for a day.
   * @returns the slot token to store with the subscription and release later
   */
  async acquire(userId: string, key: string): Promise<string> {
    const token = `${epochSeconds(this.context.now())}.${key}`;
    if (await this.tryAdd(userId, token)) return token;
    if ((await this.releaseStale(userId)) > 0 && (await this.tryAdd(userId, token))) return token;
    throw new RegistryError('too_many_statements', `at most ${this.maxRunning} statements may run at once`);
  }

  /** Frees the slot; a second release of the same token changes nothing. */
  async release(userId: string, token: string): Promise<void> {
    try {
      await this.context.client.send(
        new UpdateCommand({
          TableName: this.context.tableName,
          Key: slotsKey(userId),
          UpdateExpression: 'DELETE held :token',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':token': new Set([token]) },
        }),
      );
    } catch (error) {
      if (!isConditionFailed(error)) throw error;
    }
  }

  /** Tokens the user holds now (strongly consistent). */
  async held(userId: string): Promise<string[]> {
    const { Item } = await this.context.client.send(
      new GetCommand({ TableName: this.context.tableName, Key: slotsKey(userId), ConsistentRead: true }),
    );
    const held = Item?.['held'] as Set<string> | undefined;
    return held ? [...held].sort() : [];
  }

  private async tryAdd(userId: string, token: string): Promise<boolean> {
    try {
      await this.context.client.send(
        new UpdateCommand({
          TableName: this.context.tableName,
          Key: slotsKey(userId),
          UpdateExpression: 'ADD held :token SET #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(held) OR size(held) < :max',
          ExpressionAttributeNames: { '#ttl': 'ttl' },
          ExpressionAttributeValues: {
            ':token': new Set([token]),
            ':max': this.maxRunning,
            ':ttl': epochSeconds(this.context.now()) + SLOTS_TTL_SECONDS,
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailed(error)) return false;
      throw error;
    }
  }

  private async releaseStale(userId: string): Promise<number> {
    const nowSeconds = epochSeconds(this.context.now());
    let freed = 0;
    for (const token of await this.held(userId)) {
      const dot = token.indexOf('.');
      const acquiredAt = Number(token.slice(0, dot));
      const subscription = await this.findSubscription(token.slice(dot + 1));
      const stale = subscription
        ? !isOpenState(subscription.state) || subscription.slot !== token
        : nowSeconds - acquiredAt > UNCLAIMED_SLOT_SECONDS;
      if (stale) {
        await this.release(userId, token);
        freed += 1;
      }
    }
    return freed;
  }
}
