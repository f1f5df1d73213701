import type { ConnectionRegistry } from '@redwire/connection-registry';
import type { Logger } from '@redwire/config';
import type { ServerMessage } from '@redwire/protocol';
import type { CatalogBundle } from '@redwire/query-catalog';
import type { Warehouse } from '@redwire/warehouse';

/** The Data API calls the flow makes (a `Warehouse` from @redwire/warehouse in handlers). */
export type StatementRunner = Pick<Warehouse, 'execute' | 'describe' | 'cancel'>;

/** What happened to a post on the socket: `gone` is API Gateway's 410 (the connection no longer exists). */
export type SendResult = 'sent' | 'gone';

/** Posts server messages to WebSocket connections (`@connections` PostToConnection in handlers). */
export interface SocketSender {
  send(connectionId: string, message: ServerMessage): Promise<SendResult>;
}

/** The signed-in user behind a request, as the authorizer established it. */
export interface Identity {
  readonly userId: string;
  readonly email?: string;
  readonly groups: readonly string[];
}

/** What notify, the sweeper and the message routes talk to; handlers build it once per cold start (`flow-context.ts`). */
export interface FlowDependencies {
  readonly registry: ConnectionRegistry;
  readonly runner: StatementRunner;
  readonly sender: SocketSender;
  readonly logger: Logger;
  readonly now?: () => Date;
}

/** The message routes also read the report catalog. */
export interface MessageDependencies extends FlowDependencies {
  readonly catalog: () => Promise<CatalogBundle>;
}
