import { functions, registryTable } from '@redwire/system';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import {
  asList,
  functionNamed,
  loadStack,
  policies,
  referencedName,
  resource,
  resources,
  starResourceStatements,
  wildcardActions,
  type FoundPolicy,
  type StackJson,
} from './stacks.js';

const STACKS = ['identity', 'backend', 'web'] as const;
/** The only statement allowed `Resource: "*"`: Data API statement operations have no resource type (commented in statement-runner.ts). */
const DOCUMENTED_STAR_RESOURCES = ['StatementsOfThisRunner'];

let stacks: Record<string, StackJson>;
let backend: StackJson;
beforeAll(() => {
  stacks = Object.fromEntries(STACKS.map((name) => [name, loadStack(inject('synthOutdir'), name)]));
  backend = stacks['backend'] as StackJson;
});

const roleOf = (name: string): string => referencedName(resource(backend, 'aws_lambda_function', functionNamed(backend, `redwire-${name}`))['role'], 'aws_iam_role');
const statementsOfRole = (role: string): FoundPolicy['statements'] =>
  policies(backend)
    .filter((p) => p.where.startsWith('aws_iam_role_policy.'))
    .filter((p) => referencedName(resource(backend, 'aws_iam_role_policy', p.where.split('.')[1] as string)['role'], 'aws_iam_role') === role)
    .flatMap((p) => p.statements);

describe('IAM policies in the synthesized stacks', () => {
  it('parses every policy, JSON string or document, and finds them in the stacks', () => {
    const all = STACKS.flatMap((name) => policies(stacks[name] as StackJson));
    expect(all.length).toBeGreaterThan(15);
    for (const policy of all) expect(policy.statements.length, policy.where).toBeGreaterThan(0);
  });

  it('grants no wildcard action anywhere', () => {
    for (const name of STACKS) expect(wildcardActions(policies(stacks[name] as StackJson)), name).toEqual([]);
  });

  it('allows Resource "*" only for the documented Data API statement operations', () => {
    const star = STACKS.flatMap((name) => starResourceStatements(policies(stacks[name] as StackJson)));
    expect(star).toEqual(DOCUMENTED_STAR_RESOURCES);
    const [statement] = policies(backend).flatMap((p) => p.statements).filter((s) => s.Sid === 'StatementsOfThisRunner');
    expect(asList(statement?.Action).every((a) => /^redshift-data:(Describe|Cancel|GetStatementResult|List)/.test(a))).toBe(true);
  });

  it('the checks catch a wildcard action and an undocumented Resource "*"', () => {
    const bad: FoundPolicy[] = [{ where: 'x', statements: [{ Sid: 'Oops', Effect: 'Allow', Action: ['s3:*', 'dynamodb:Get*'], Resource: '*' }] }];
    expect(wildcardActions(bad)).toEqual(['x: s3:*', 'x: dynamodb:Get*']);
    expect(starResourceStatements(bad)).toEqual(['Oops']);
  });
});

describe('Lambda roles', () => {
  it('shares one statement-runner role among exactly the functions that touch statements', () => {
    const runnerRoles = new Set(functions.filter((f) => f.role === 'statement-runner').map((f) => roleOf(f.name)));
    expect([...runnerRoles]).toEqual(['statement_runner_role']);
    const own = functions.filter((f) => f.role === 'own').map((f) => roleOf(f.name));
    expect(new Set(own).size).toBe(own.length);
    expect(own).not.toContain('statement_runner_role');
  });

  it('never adds the statement-owner-iam-userid condition that would lock the shared runner out', () => {
    expect(JSON.stringify(backend)).not.toContain('statement-owner-iam-userid');
  });

  it('lets the authorizer write only its own logs, and ws-connect only write the registry', () => {
    expect(statementsOfRole(roleOf('ws-authorizer')).map((s) => s.Sid)).toEqual(['WriteOwnLogs']);
    const connect = statementsOfRole(roleOf('ws-connect'));
    expect(connect.map((s) => s.Sid)).toEqual(['WriteOwnLogs', 'RegistryWrite']);
    expect(connect[1]?.Resource).toEqual(['${aws_dynamodb_table.registry_table.arn}']);
    expect(connect[0]?.Resource).toEqual(['${aws_cloudwatch_log_group.ws_connect_logs.arn}:log-stream:*']);
  });

  it('scopes the runner to the table and its indexes, the live stage\'s @connections, the catalog object and notify\'s failure queue', () => {
    const statements = statementsOfRole('statement_runner_role');
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    const table = '${aws_dynamodb_table.registry_table.arn}';
    expect(bySid['RegistryRead']?.Resource).toEqual([table, ...registryTable.globalSecondaryIndexes.map((i) => `${table}/index/${i.name}`)]);
    expect(bySid['RegistryWrite']?.Resource).toEqual([table]);
    expect(asList(bySid['PushToConnections']?.Resource)).toEqual(
      ['POST', 'GET', 'DELETE'].map((m) => `\${aws_apigatewayv2_api.ws_api.execution_arn}/live/${m}/@connections/*`),
    );
    expect(bySid['ReadCatalog']?.Resource).toEqual(['${aws_s3_bucket.catalog_bucket.arn}/catalog/catalog.json']);
    expect(bySid['NotifyFailureDestination']?.Resource).toEqual(['${aws_sqs_queue.notify_failed_invocations.arn}']);
  });

  it('grants warehouse access by target: execute on the cluster or workgroup, and the one credential path in use', () => {
    const expected: Record<string, [string, string]> = {
      runner_execute_cluster: ['var.redshift_cluster_identifier != ""', 'redshift-data:ExecuteStatement'],
      runner_execute_workgroup: ['var.redshift_workgroup_name != ""', 'redshift-data:ExecuteStatement'],
      runner_credentials_db_user: ['var.redshift_cluster_identifier != "" && var.redshift_db_user != ""', 'redshift:GetClusterCredentials'],
      runner_credentials_iam: ['var.redshift_cluster_identifier != "" && !(var.redshift_db_user != "") && !(var.redshift_secret_arn != "")', 'redshift:GetClusterCredentialsWithIAM'],
      runner_credentials_serverless: ['var.redshift_workgroup_name != "" && !(var.redshift_secret_arn != "")', 'redshift-serverless:GetCredentials'],
      runner_credentials_secret: ['var.redshift_secret_arn != ""', 'secretsmanager:GetSecretValue'],
    };
    for (const [name, [condition, action]] of Object.entries(expected)) {
      const policy = resource(backend, 'aws_iam_role_policy', name);
      expect(policy['count'], name).toBe(`\${${condition} ? 1 : 0}`);
      expect(String(policy['policy'])).toContain(`"${action}"`);
      expect(referencedName(policy['role'], 'aws_iam_role')).toBe('statement_runner_role');
    }
    const cluster = JSON.parse(String(resource(backend, 'aws_iam_role_policy', 'runner_execute_cluster')['policy']));
    expect(cluster.Statement[0].Resource).toEqual([
      'arn:${data.aws_partition.partition.partition}:redshift:${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:cluster:${var.redshift_cluster_identifier}',
    ]);
  });

  it('lets Redshift read only the sample-data prefix for COPY', () => {
    const copy = JSON.parse(String(resource(backend, 'aws_iam_role_policy', 'sample_data_copy_policy')['policy']));
    expect(copy.Statement[0]).toMatchObject({ Action: ['s3:GetObject'], Resource: ['${aws_s3_bucket.catalog_bucket.arn}/sample-data/*'] });
    expect(copy.Statement[1].Condition).toEqual({ StringLike: { 's3:prefix': ['sample-data/*'] } });
    expect(Object.keys(resources(backend, 'aws_iam_role'))).toContain('sample_data_copy_role');
  });
});
