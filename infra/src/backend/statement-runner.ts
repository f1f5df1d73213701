import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import type { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import type { Construct } from 'constructs';
import { expr } from '../shared/expression.js';
import { policyDocument, type PolicyStatement } from '../shared/policy.js';
import type { RedshiftTarget } from './redshift-target.js';

export interface AccountContext {
  readonly partition: string;
  readonly region: string;
  readonly accountId: string;
}

interface ConditionalPolicy {
  readonly id: string;
  /** Terraform condition; the policy exists only when it holds. */
  readonly when: string;
  readonly statement: PolicyStatement;
}

/**
 * Data API permissions of the one statement-runner role. AWS lets only the identity that ran a
 * statement describe, cancel or read it, so every function touching statements shares this role.
 * No `redshift-data:statement-owner-iam-userid` condition: a Lambda's aws:userid includes the function
 * name, so that condition would lock the other functions of the shared runner out.
 * Which execute/credential statements exist depends on the Redshift target variables (count).
 */
export function grantStatementRunner(scope: Construct, role: IamRole, target: RedshiftTarget, account: AccountContext): IamRolePolicy[] {
  const redshift = `arn:${account.partition}:redshift:${account.region}:${account.accountId}`;
  const cluster = target.clusterIdentifier.stringValue;
  const database = target.database.stringValue;
  const always: PolicyStatement = {
    Sid: 'StatementsOfThisRunner',
    Effect: 'Allow',
    Action: [
      'redshift-data:DescribeStatement',
      'redshift-data:CancelStatement',
      'redshift-data:GetStatementResult',
      'redshift-data:GetStatementResultV2',
      'redshift-data:ListStatements',
    ],
    // Resource "*" is required: these actions have no resource type in IAM (a statement id is not an
    // ARN); AWS itself limits them to statements run by this same role.
    Resource: '*',
  };
  const conditional: ConditionalPolicy[] = [
    {
      id: 'runner_execute_cluster',
      when: target.isCluster,
      statement: {
        Sid: 'ExecuteOnCluster',
        Effect: 'Allow',
        Action: ['redshift-data:ExecuteStatement', 'redshift-data:BatchExecuteStatement'],
        Resource: [`${redshift}:cluster:${cluster}`],
      },
    },
    {
      id: 'runner_execute_workgroup',
      when: target.isWorkgroup,
      statement: {
        Sid: 'ExecuteOnWorkgroup',
        Effect: 'Allow',
        Action: ['redshift-data:ExecuteStatement', 'redshift-data:BatchExecuteStatement'],
        Resource: [target.workgroupArn],
      },
    },
    {
      id: 'runner_credentials_db_user',
      when: `${target.isCluster} && ${target.usesDbUser}`,
      statement: {
        Sid: 'TemporaryCredentialsAsDbUser',
        Effect: 'Allow',
        Action: ['redshift:GetClusterCredentials'],
        Resource: [`${redshift}:dbuser:${cluster}/${target.dbUser.stringValue}`, `${redshift}:dbname:${cluster}/${database}`],
      },
    },
    {
      id: 'runner_credentials_iam',
      when: `${target.isCluster} && !(${target.usesDbUser}) && !(${target.usesSecret})`,
      statement: {
        Sid: 'TemporaryCredentialsAsIamIdentity',
        Effect: 'Allow',
        Action: ['redshift:GetClusterCredentialsWithIAM'],
        Resource: [`${redshift}:dbname:${cluster}/${database}`],
      },
    },
    {
      id: 'runner_credentials_serverless',
      when: `${target.isWorkgroup} && !(${target.usesSecret})`,
      statement: {
        Sid: 'ServerlessCredentials',
        Effect: 'Allow',
        Action: ['redshift-serverless:GetCredentials'],
        Resource: [target.workgroupArn],
      },
    },
    {
      id: 'runner_credentials_secret',
      when: target.usesSecret,
      statement: {
        Sid: 'CredentialsFromSecret',
        Effect: 'Allow',
        Action: ['secretsmanager:GetSecretValue'],
        Resource: [target.secretArn.stringValue],
      },
    },
  ];

  const policies = [
    new IamRolePolicy(scope, 'runner_statements', { name: 'data-api-statements', role: role.id, policy: policyDocument([always]) }),
  ];
  for (const { id, when, statement } of conditional) {
    const policy = new IamRolePolicy(scope, id, { name: id.replace(/_/g, '-'), role: role.id, policy: policyDocument([statement]) });
    policy.addOverride('count', expr(`${when} ? 1 : 0`));
    policies.push(policy);
  }
  return policies;
}
