/** IAM policy documents written as JSON strings (Terraform interpolates `${…}` inside them). */
export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: 'Allow' | 'Deny';
  readonly Action: readonly string[];
  readonly Resource?: readonly string[] | string;
  readonly Principal?: Record<string, string | readonly string[]>;
  readonly Condition?: Record<string, Record<string, string | readonly string[]>>;
}

export function policyDocument(statements: readonly PolicyStatement[]): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: statements });
}

/** Trust policy letting one AWS service assume a role. */
export function trustPolicy(...services: string[]): string {
  return policyDocument([{ Effect: 'Allow', Principal: { Service: services }, Action: ['sts:AssumeRole'] }]);
}
