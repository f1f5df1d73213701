import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { CONNECTION_TTL_SECONDS, epochSeconds, type Connection } from './model.js';
import type { RegistryContext } from './registry-context.js';
import { requireText } from './registry-error.js';
import { SK, connectionKey } from './table-layout.js';

/** WebSocket connections, one item each (`$connect` writes, `$disconnect` deletes). */
export class Connections {
  constructor(private readonly context: RegistryContext) {}

  /** Registers (or re-registers) a connection; returns what was stored. */
  async put(input: { connectionId: string; userId: string; groups: readonly string[] }): Promise<Connection> {
    requireText(input.connectionId, 'connectionId');
    requireText(input.userId, 'userId');
    const now = this.context.now();
    const connection: Connection = {
      connectionId: input.connectionId,
      userId: input.userId,
      groups: [...input.groups],
      connectedAt: now.toISOString(),
      ttl: epochSeconds(now) + CONNECTION_TTL_SECONDS,
    };
    await this.context.client.send(
      new PutCommand({
        TableName: this.context.tableName,
        Item: { ...connectionKey(input.connectionId), entity: SK.connection, ...connection },
      }),
    );
    return connection;
  }

  async get(connectionId: string): Promise<Connection | undefined> {
    requireText(connectionId, 'connectionId');
    const { Item } = await this.context.client.send(
      new GetCommand({ TableName: this.context.tableName, Key: connectionKey(connectionId), ConsistentRead: true }),
    );
    return Item ? toConnection(Item) : undefined;
  }

  /** Removes the connection; removing one that is gone already is not an error. */
  async delete(connectionId: string): Promise<void> {
    requireText(connectionId, 'connectionId');
    await this.context.client.send(new DeleteCommand({ TableName: this.context.tableName, Key: connectionKey(connectionId) }));
  }
}

function toConnection(item: Record<string, unknown>): Connection {
  return {
    connectionId: item['connectionId'] as string,
    userId: item['userId'] as string,
    groups: (item['groups'] as string[] | undefined) ?? [],
    connectedAt: item['connectedAt'] as string,
    ttl: item['ttl'] as number,
  };
}
