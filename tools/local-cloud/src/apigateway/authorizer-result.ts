/** What API Gateway makes of a Lambda authorizer's answer. */
export type AuthorizerDecision =
  | { readonly kind: 'allow'; readonly authorizer: Record<string, string | number | boolean> }
  | { readonly kind: 'deny' }
  | { readonly kind: 'invalid'; readonly reason: string };

interface Statement {
  Effect?: unknown;
  Action?: unknown;
  Resource?: unknown;
}

const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]);

function wildcardMatches(pattern: string, value: string): boolean {
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return regex.test(value);
}

function covers(statement: Statement, methodArn: string): boolean {
  const actions = asList(statement.Action).map(String);
  const resources = asList(statement.Resource).map(String);
  const actionOk = actions.some((a) => a === '*' || a === 'execute-api:*' || a === 'execute-api:Invoke');
  return actionOk && resources.some((r) => wildcardMatches(r, methodArn));
}

/**
 * Evaluates an IAM policy returned by a REQUEST authorizer against the `$connect` method ARN: an explicit Deny
 * wins, then an Allow must cover the ARN. Context values must be strings, numbers or booleans (AWS rejects others).
 */
export function evaluateAuthorizerResult(result: unknown, methodArn: string): AuthorizerDecision {
  if (result === null || typeof result !== 'object') return { kind: 'invalid', reason: 'authorizer returned no policy' };
  const { principalId, policyDocument, context } = result as Record<string, unknown>;
  const statements = asList((policyDocument as { Statement?: unknown } | undefined)?.Statement) as Statement[];
  if (typeof principalId !== 'string' || statements.length === 0) {
    return { kind: 'invalid', reason: 'authorizer response needs principalId and policyDocument.Statement' };
  }
  const values: Record<string, string | number | boolean> = {};
  if (context !== undefined && context !== null) {
    if (typeof context !== 'object' || Array.isArray(context)) return { kind: 'invalid', reason: 'authorizer context must be an object' };
    for (const [key, value] of Object.entries(context)) {
      if (value === null || value === undefined) continue;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        return { kind: 'invalid', reason: `authorizer context value "${key}" must be a string, number or boolean` };
      }
      values[key] = value;
    }
  }
  if (statements.some((s) => s.Effect === 'Deny' && covers(s, methodArn))) return { kind: 'deny' };
  if (!statements.some((s) => s.Effect === 'Allow' && covers(s, methodArn))) return { kind: 'deny' };
  return { kind: 'allow', authorizer: { ...values, principalId } };
}
