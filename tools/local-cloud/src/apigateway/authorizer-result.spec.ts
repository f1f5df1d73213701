import { describe, expect, it } from 'vitest';
import { evaluateAuthorizerResult } from './authorizer-result.js';

const arn = 'arn:aws:execute-api:us-east-1:000000000000:local/local/$connect';
const policy = (Effect: string, Resource: string | string[] = arn, extra: object = {}) => ({
  principalId: 'u1',
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect, Resource }] },
  ...extra,
});

describe('evaluateAuthorizerResult', () => {
  it('allows with the context and the principal id', () => {
    expect(evaluateAuthorizerResult(policy('Allow', arn, { context: { sub: 's', n: 1, ok: true, gone: null } }), arn)).toEqual({
      kind: 'allow',
      authorizer: { sub: 's', n: 1, ok: true, principalId: 'u1' },
    });
  });

  it('allows a wildcard resource', () => {
    expect(evaluateAuthorizerResult(policy('Allow', 'arn:aws:execute-api:us-east-1:000000000000:local/*'), arn).kind).toBe('allow');
  });

  it('denies on an explicit Deny even next to an Allow', () => {
    const both = { principalId: 'u', policyDocument: { Statement: [{ Action: '*', Effect: 'Allow', Resource: '*' }, { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: arn }] } };
    expect(evaluateAuthorizerResult(both, arn).kind).toBe('deny');
  });

  it('denies when no Allow covers the route', () => {
    expect(evaluateAuthorizerResult(policy('Allow', 'arn:aws:execute-api:us-east-1:000000000000:other/*'), arn).kind).toBe('deny');
  });

  it.each([
    ['nothing', undefined],
    ['no principal', { policyDocument: { Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] } }],
    ['no statements', { principalId: 'u', policyDocument: { Statement: [] } }],
    ['an object in the context', policy('Allow', arn, { context: { a: { b: 1 } } })],
    ['an array in the context', policy('Allow', arn, { context: { a: [1] } })],
    ['a context that is a list', policy('Allow', arn, { context: [] })],
  ])('reports %s as invalid (AWS answers 500)', (_label, result) => {
    expect(evaluateAuthorizerResult(result, arn).kind).toBe('invalid');
  });
});
