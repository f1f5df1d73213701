import type { Identity } from './flow-ports.js';
import { authorizerContext } from './identity.js';

/** What a REQUEST authorizer returns to API Gateway. */
export interface AuthorizerResult {
  readonly principalId: string;
  readonly policyDocument: {
    readonly Version: '2012-10-17';
    readonly Statement: readonly { readonly Action: 'execute-api:Invoke'; readonly Effect: 'Allow' | 'Deny'; readonly Resource: string }[];
  };
  readonly context?: Record<string, string>;
}

/** Allows `$connect` on `methodArn` for a verified user, carrying userId, email and groups as string context. */
export function allowPolicy(identity: Identity, methodArn: string): AuthorizerResult {
  return {
    principalId: identity.userId,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: methodArn }] },
    context: authorizerContext(identity),
  };
}

/** An explicit Deny (API Gateway answers 403). */
export function denyPolicy(methodArn: string, principalId = 'anonymous'): AuthorizerResult {
  return {
    principalId,
    policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Deny', Resource: methodArn }] },
  };
}

/**
 * API Gateway turns a REQUEST authorizer that fails with exactly this message into 401
 * Unauthorized — the answer for a missing, forged or expired token.
 */
export function unauthorized(): Error {
  return new Error('Unauthorized');
}
