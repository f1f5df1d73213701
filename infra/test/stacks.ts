import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Json = Record<string, unknown>;
export type StackJson = {
  resource: Record<string, Record<string, Json>>;
  data?: Record<string, Record<string, Json>>;
  variable?: Record<string, Json>;
  output?: Record<string, Json>;
  locals?: Record<string, Json>;
  terraform: Json;
};

export function loadStack(outdir: string, stack: string): StackJson {
  return JSON.parse(readFileSync(join(outdir, 'stacks', stack, 'cdk.tf.json'), 'utf8')) as StackJson;
}

/** Every resource of a type, by logical name. */
export function resources(stack: StackJson, type: string): Record<string, Json> {
  return stack.resource[type] ?? {};
}

export function resource(stack: StackJson, type: string, name: string): Json {
  const found = resources(stack, type)[name];
  if (!found) throw new Error(`no ${type}.${name}; have ${Object.keys(resources(stack, type)).join(', ')}`);
  return found;
}

/** The one resource of a type whose attribute equals a value. */
export function resourceWhere(stack: StackJson, type: string, attribute: string, value: unknown): [string, Json] {
  const matches = Object.entries(resources(stack, type)).filter(([, body]) => body[attribute] === value);
  if (matches.length !== 1) throw new Error(`${matches.length} ${type} with ${attribute} = ${String(value)}`);
  return matches[0] as [string, Json];
}

/** Logical names a Terraform expression references for a resource type: `${aws_x.name.attr}` → name. */
export function referencedNames(expression: unknown, type: string): string[] {
  const text = typeof expression === 'string' ? expression : JSON.stringify(expression);
  return [...text.matchAll(new RegExp(`${type.replace(/\./g, '\\.')}\\.([A-Za-z0-9_-]+)`, 'g'))].map((m) => m[1] as string);
}

export function referencedName(expression: unknown, type: string): string {
  const names = [...new Set(referencedNames(expression, type))];
  if (names.length !== 1) throw new Error(`expected one ${type} reference in ${JSON.stringify(expression)}, found ${names.length}`);
  return names[0] as string;
}

/** The Lambda function (logical name) a function name expression or value points at. */
export function functionNamed(stack: StackJson, functionName: string): string {
  return resourceWhere(stack, 'aws_lambda_function', 'function_name', functionName)[0];
}

export interface PolicyStatementJson {
  Sid?: string;
  Effect: string;
  Action: string | string[];
  Resource?: string | string[];
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}

export interface FoundPolicy {
  readonly where: string;
  readonly statements: PolicyStatementJson[];
}

const POLICY_ATTRIBUTES: Record<string, string> = {
  aws_iam_role: 'assume_role_policy',
  aws_iam_role_policy: 'policy',
  aws_iam_policy: 'policy',
  aws_s3_bucket_policy: 'policy',
  aws_sqs_queue_policy: 'policy',
};

/** Every IAM policy in a stack, parsed whether written as a JSON string or as an object (policy document). */
export function policies(stack: StackJson): FoundPolicy[] {
  const found: FoundPolicy[] = [];
  for (const [type, attribute] of Object.entries(POLICY_ATTRIBUTES)) {
    for (const [name, body] of Object.entries(resources(stack, type))) {
      const raw = body[attribute];
      if (raw === undefined) continue;
      const document = (typeof raw === 'string' ? JSON.parse(raw) : raw) as { Statement: PolicyStatementJson | PolicyStatementJson[] };
      found.push({ where: `${type}.${name}`, statements: [document.Statement].flat() });
    }
  }
  for (const [name, body] of Object.entries(stack.data?.['aws_iam_policy_document'] ?? {})) {
    const statements = (body['statement'] as Json[] | undefined) ?? [];
    found.push({
      where: `data.aws_iam_policy_document.${name}`,
      statements: statements.map((s) => ({ Sid: s['sid'] as string, Effect: (s['effect'] as string) ?? 'Allow', Action: s['actions'] as string[], Resource: s['resources'] as string[] })),
    });
  }
  return found;
}

export function asList(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : [value].flat();
}

/** Statements (with where they are) whose Action uses a wildcard. */
export function wildcardActions(found: readonly FoundPolicy[]): string[] {
  return found.flatMap((p) =>
    p.statements.flatMap((s) => asList(s.Action).filter((action) => action.includes('*') || action.includes('?')).map((action) => `${p.where}: ${action}`)),
  );
}

/** Sids (or `where#index`) of statements granting `Resource: "*"`. */
export function starResourceStatements(found: readonly FoundPolicy[]): string[] {
  return found.flatMap((p) => p.statements.filter((s) => asList(s.Resource).includes('*')).map((s, i) => s.Sid ?? `${p.where}#${i}`));
}
