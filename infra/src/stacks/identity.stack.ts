import { CognitoUserGroup } from '@cdktf/provider-aws/lib/cognito-user-group';
import { CognitoUserPool } from '@cdktf/provider-aws/lib/cognito-user-pool';
import { CognitoUserPoolClient } from '@cdktf/provider-aws/lib/cognito-user-pool-client';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { Fn, TerraformIterator, TerraformVariable } from 'cdktf';
import { catalogGroups } from '../catalog-groups.js';
import type { Construct } from 'constructs';
import type { SynthOptions } from '../options.js';
import { expr } from '../shared/expression.js';
import { RedwireStack } from '../shared/redwire-stack.js';

/** Cognito: the user pool people sign up in, the browser's app client, optional report groups. */
export class IdentityStack extends RedwireStack {
  readonly userPoolId: string;
  readonly userPoolArn: string;
  readonly userPoolClientId: string;
  /** `https://cognito-idp.<region>.amazonaws.com/<poolId>`, the `iss` of its tokens. */
  readonly issuer: string;
  readonly region: string;

  constructor(scope: Construct, options: SynthOptions) {
    super(scope, 'identity', options);

    const deletionProtection = new TerraformVariable(this, 'cognito_deletion_protection', {
      type: 'string',
      default: 'ACTIVE',
      description: 'ACTIVE keeps the user pool from being deleted; set INACTIVE before a teardown.',
      validation: [
        {
          condition: expr('contains(["ACTIVE", "INACTIVE"], var.cognito_deletion_protection)'),
          errorMessage: 'cognito_deletion_protection must be "ACTIVE" or "INACTIVE".',
        },
      ],
    });
    const groups = new TerraformVariable(this, 'cognito_groups', {
      type: 'set(string)',
      default: [],
      description: 'Cognito groups to create besides those the catalog\'s reports require (read at synth), e.g. ["analysts"].',
      validation: [
        {
          condition: expr('alltrue([for g in var.cognito_groups : can(regex("^[A-Za-z0-9_-]{1,128}$", g))])'),
          errorMessage: 'cognito_groups entries must be 1-128 letters, digits, "_" or "-".',
        },
      ],
    });

    const pool = new CognitoUserPool(this, 'user_pool', {
      name: this.name('users'),
      usernameAttributes: ['email'],
      autoVerifiedAttributes: ['email'],
      deletionProtection: deletionProtection.stringValue,
      mfaConfiguration: 'OFF',
      // The sample's policy: at least 8 characters with upper and lower case, a digit and a symbol.
      passwordPolicy: {
        minimumLength: 8,
        requireLowercase: true,
        requireUppercase: true,
        requireNumbers: true,
        requireSymbols: true,
        temporaryPasswordValidityDays: 7,
      },
      accountRecoverySetting: { recoveryMechanism: [{ name: 'verified_email', priority: 1 }] },
      adminCreateUserConfig: { allowAdminCreateUserOnly: false },
      emailConfiguration: { emailSendingAccount: 'COGNITO_DEFAULT' },
      verificationMessageTemplate: {
        defaultEmailOption: 'CONFIRM_WITH_CODE',
        emailSubject: 'Your Redwire verification code',
        emailMessage: 'Your Redwire verification code is {####}',
      },
      userAttributeUpdateSettings: { attributesRequireVerificationBeforeUpdate: ['email'] },
      schema: [{ name: 'email', attributeDataType: 'String', required: true, mutable: true, stringAttributeConstraints: { minLength: '3', maxLength: '254' } }],
    });

    const client = new CognitoUserPoolClient(this, 'web_client', {
      name: this.name('web'),
      userPoolId: pool.id,
      generateSecret: false,
      explicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      preventUserExistenceErrors: 'ENABLED',
      enableTokenRevocation: true,
      idTokenValidity: 60,
      accessTokenValidity: 60,
      refreshTokenValidity: 30,
      tokenValidityUnits: [{ idToken: 'minutes', accessToken: 'minutes', refreshToken: 'days' }],
      readAttributes: ['email', 'email_verified'],
      writeAttributes: ['email'],
    });

    // The groups the catalog's reports require, plus any the operator adds.
    const required = catalogGroups(options.catalogFile);
    const groupNames = TerraformIterator.fromList(Fn.setunion(groups.listValue, [required]));
    new CognitoUserGroup(this, 'report_group', {
      forEach: groupNames,
      userPoolId: pool.id,
      name: groupNames.value,
      description: 'Redwire report access group',
    });

    const region = new DataAwsRegion(this, 'region');
    this.region = region.name;
    this.userPoolId = pool.id;
    this.userPoolArn = pool.arn;
    this.userPoolClientId = client.id;
    this.issuer = `https://${pool.endpoint}`;

    this.output('user_pool_id', pool.id);
    this.output('user_pool_client_id', client.id);
    this.output('token_issuer', this.issuer);
  }
}
