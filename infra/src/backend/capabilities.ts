import type { Capability } from '@redwire/system';
import type { PolicyStatement } from '../shared/policy.js';

/** ARNs the capabilities are scoped to. */
export interface CapabilityScope {
  readonly tableArn: string;
  readonly indexArns: readonly string[];
  /** `execute-api` ARNs of the WebSocket stage's `@connections` (POST, GET, DELETE). */
  readonly connectionsArns: readonly string[];
  readonly catalogObjectArn: string;
  readonly bucketArn: string;
  readonly sampleDataPrefix: string;
}

/**
 * The IAM statements one capability of libs/system grants. `statements:run` is absent on purpose:
 * it depends on the Redshift target variables and is granted by the statement-runner policies.
 */
export function capabilityStatements(capability: Capability, scope: CapabilityScope): PolicyStatement[] {
  switch (capability) {
    case 'table:read':
      return [
        {
          Sid: 'RegistryRead',
          Effect: 'Allow',
          Action: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
          Resource: [scope.tableArn, ...scope.indexArns],
        },
      ];
    case 'table:write':
      return [
        {
          Sid: 'RegistryWrite',
          Effect: 'Allow',
          // Transactions and conditional writes are authorized by these item-level actions.
          Action: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:ConditionCheckItem'],
          Resource: [scope.tableArn],
        },
      ];
    case 'connections:manage':
      return [{ Sid: 'PushToConnections', Effect: 'Allow', Action: ['execute-api:ManageConnections'], Resource: [...scope.connectionsArns] }];
    case 'catalog:read':
      return [{ Sid: 'ReadCatalog', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [scope.catalogObjectArn] }];
    case 'sample-data:read':
      return [
        { Sid: 'ReadSampleData', Effect: 'Allow', Action: ['s3:GetObject'], Resource: [`${scope.bucketArn}/${scope.sampleDataPrefix}*`] },
        {
          Sid: 'ListSampleData',
          Effect: 'Allow',
          Action: ['s3:ListBucket'],
          Resource: [scope.bucketArn],
          Condition: { StringLike: { 's3:prefix': [`${scope.sampleDataPrefix}*`] } },
        },
      ];
    case 'statements:run':
      return [];
  }
}

/** Statements for a set of capabilities, one statement per capability kind (Sids stay unique). */
export function statementsFor(needs: Iterable<Capability>, scope: CapabilityScope): PolicyStatement[] {
  const unique = [...new Set(needs)].sort();
  return unique.flatMap((capability) => capabilityStatements(capability, scope));
}
