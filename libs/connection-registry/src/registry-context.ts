import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** What every registry store needs: the document client, the table, and a clock (tests move it). */
export interface RegistryContext {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  readonly now: () => Date;
}
