import { DataAwsRedshiftserverlessWorkgroup } from '@cdktf/provider-aws/lib/data-aws-redshiftserverless-workgroup';
import { TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { expr } from '../shared/expression.js';

/**
 * The warehouse Redwire runs on: a provisioned cluster XOR a Serverless workgroup, a database,
 * and credentials (a database user XOR a Secrets Manager secret; neither = the runner's IAM identity).
 * Validated by Terraform before any resource is planned (cross-variable validation needs Terraform 1.9+).
 */
export class RedshiftTarget {
  readonly clusterIdentifier: TerraformVariable;
  readonly workgroupName: TerraformVariable;
  readonly database: TerraformVariable;
  readonly dbUser: TerraformVariable;
  readonly secretArn: TerraformVariable;
  /** Terraform expressions (strings) usable in `count` and conditions. */
  readonly isCluster = 'var.redshift_cluster_identifier != ""';
  readonly isWorkgroup = 'var.redshift_workgroup_name != ""';
  readonly usesDbUser = 'var.redshift_db_user != ""';
  readonly usesSecret = 'var.redshift_secret_arn != ""';
  /** The workgroup's ARN (by id), looked up only when a workgroup is the target. */
  readonly workgroupArn: string;

  constructor(scope: Construct) {
    this.clusterIdentifier = new TerraformVariable(scope, 'redshift_cluster_identifier', {
      type: 'string',
      default: '',
      description: 'Provisioned Redshift cluster id. Set this XOR redshift_workgroup_name.',
      validation: [
        {
          condition: expr('(var.redshift_cluster_identifier != "") != (var.redshift_workgroup_name != "")'),
          errorMessage:
            'Set exactly one Redshift target: redshift_cluster_identifier (provisioned cluster) or redshift_workgroup_name (Redshift Serverless), not both and not neither.',
        },
        {
          condition: expr('var.redshift_cluster_identifier == "" || can(regex("^[a-z][a-z0-9]*(-[a-z0-9]+)*$", var.redshift_cluster_identifier)) && length(var.redshift_cluster_identifier) <= 63'),
          errorMessage: 'redshift_cluster_identifier must be a cluster id: 1-63 lowercase letters, digits and single hyphens, starting with a letter.',
        },
      ],
    });
    this.workgroupName = new TerraformVariable(scope, 'redshift_workgroup_name', {
      type: 'string',
      default: '',
      description: 'Redshift Serverless workgroup name. Set this XOR redshift_cluster_identifier.',
      validation: [
        {
          condition: expr('var.redshift_workgroup_name == "" || can(regex("^[a-z0-9-]{3,64}$", var.redshift_workgroup_name))'),
          errorMessage: 'redshift_workgroup_name must be 3-64 lowercase letters, digits or hyphens.',
        },
      ],
    });
    this.database = new TerraformVariable(scope, 'redshift_database', {
      type: 'string',
      description: 'Database the reports run in (e.g. dev).',
      validation: [
        {
          condition: expr('can(regex("^[A-Za-z_][A-Za-z0-9_$]{0,126}$", var.redshift_database))'),
          errorMessage: 'redshift_database is required: a database name of 1-127 letters, digits, "_" or "$", not starting with a digit.',
        },
      ],
    });
    this.dbUser = new TerraformVariable(scope, 'redshift_db_user', {
      type: 'string',
      default: '',
      description: 'Database user for temporary credentials (provisioned clusters only). Set this XOR redshift_secret_arn, or neither to connect as the IAM identity.',
      validation: [
        {
          condition: expr('!(var.redshift_db_user != "" && var.redshift_secret_arn != "")'),
          errorMessage: 'Set at most one of redshift_db_user and redshift_secret_arn (neither means the functions connect as their IAM identity).',
        },
        {
          condition: expr('var.redshift_db_user == "" || var.redshift_cluster_identifier != ""'),
          errorMessage: 'redshift_db_user works only with a provisioned cluster; for Redshift Serverless use redshift_secret_arn or the IAM identity.',
        },
        {
          condition: expr('var.redshift_db_user == "" || can(regex("^[A-Za-z_][A-Za-z0-9_$.@+-]{0,127}$", var.redshift_db_user))'),
          errorMessage: 'redshift_db_user must be a database user name (1-128 characters, starting with a letter or "_").',
        },
      ],
    });
    this.secretArn = new TerraformVariable(scope, 'redshift_secret_arn', {
      type: 'string',
      default: '',
      description: 'Secrets Manager secret ARN holding the database credentials. Set this XOR redshift_db_user.',
      validation: [
        {
          condition: expr('var.redshift_secret_arn == "" || can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:.+$", var.redshift_secret_arn))'),
          errorMessage: 'redshift_secret_arn must be a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>).',
        },
      ],
    });

    const workgroup = new DataAwsRedshiftserverlessWorkgroup(scope, 'workgroup', {
      workgroupName: this.workgroupName.stringValue,
    });
    workgroup.addOverride('count', `\${${this.isWorkgroup} ? 1 : 0}`);
    this.workgroupArn = `\${one(data.aws_redshiftserverless_workgroup.${workgroup.friendlyUniqueId}[*].arn)}`;
  }
}
