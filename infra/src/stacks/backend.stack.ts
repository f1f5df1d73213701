import { ApiGatewayAccount } from '@cdktf/provider-aws/lib/api-gateway-account';
import { DataAwsCallerIdentity } from '@cdktf/provider-aws/lib/data-aws-caller-identity';
import { DataAwsPartition } from '@cdktf/provider-aws/lib/data-aws-partition';
import { DataAwsRegion } from '@cdktf/provider-aws/lib/data-aws-region';
import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { LambdaInvocation } from '@cdktf/provider-aws/lib/lambda-invocation';
import { SsmParameter } from '@cdktf/provider-aws/lib/ssm-parameter';
import { ENV } from '@redwire/system';
import { conditional, Fn } from 'cdktf';
import type { Construct } from 'constructs';
import { backendVariables } from '../backend/backend-variables.js';
import { CATALOG_KEY, catalogBucket, SAMPLE_DATA_PREFIX } from '../backend/catalog-bucket.construct.js';
import { deadLetterAlarms, eventWiring, notifyFailureQueues } from '../backend/events.construct.js';
import { deployFunctions, type EnvironmentValues } from '../backend/functions.construct.js';
import { httpApi } from '../backend/http-api.construct.js';
import { RedshiftTarget } from '../backend/redshift-target.js';
import { registryDynamoTable } from '../backend/registry-table.js';
import { grantStatementRunner } from '../backend/statement-runner.js';
import { createWebsocketApi, onlyFunction, WEBSOCKET_STAGE, websocketApi } from '../backend/websocket-api.construct.js';
import type { SynthOptions } from '../options.js';
import { expr } from '../shared/expression.js';
import { policyDocument, trustPolicy } from '../shared/policy.js';
import { RedwireStack } from '../shared/redwire-stack.js';
import type { IdentityStack } from './identity.stack.js';

/** Everything that runs: APIs, functions, table, events, catalog bucket, setup on deploy. */
export class BackendStack extends RedwireStack {
  readonly websocketUrl: string;
  readonly httpUrl: string;

  constructor(scope: Construct, options: SynthOptions, identity: IdentityStack) {
    super(scope, 'backend', options);
    const vars = backendVariables(this);
    const target = new RedshiftTarget(this);
    const account = {
      partition: new DataAwsPartition(this, 'partition').partition,
      region: new DataAwsRegion(this, 'region').name,
      accountId: new DataAwsCallerIdentity(this, 'caller').accountId,
    };

    const { table, indexArns } = registryDynamoTable(this);
    const catalog = catalogBucket(this, vars.forceDestroyBuckets);
    const queues = notifyFailureQueues(this);
    const wsApi = createWebsocketApi(this);
    const connectionsUrl = `https://${wsApi.id}.execute-api.${account.region}.amazonaws.com/${WEBSOCKET_STAGE}`;
    this.websocketUrl = `${wsApi.apiEndpoint}/${WEBSOCKET_STAGE}`;

    const env: EnvironmentValues = {
      [ENV.region]: null, // reserved: Lambda sets AWS_REGION itself and rejects it in configuration
      [ENV.jwks]: null, // Cognito serves its JWKS over https; only the local cloud preloads keys
      [ENV.tableName]: table.name,
      [ENV.catalogUrl]: catalog.catalogUrl,
      [ENV.connectionsUrl]: connectionsUrl,
      [ENV.userPoolId]: identity.userPoolId,
      [ENV.userPoolClientId]: identity.userPoolClientId,
      [ENV.tokenIssuer]: identity.issuer,
      [ENV.clusterIdentifier]: target.clusterIdentifier.stringValue,
      [ENV.workgroupName]: target.workgroupName.stringValue,
      [ENV.database]: target.database.stringValue,
      [ENV.dbUser]: target.dbUser.stringValue,
      [ENV.secretArn]: target.secretArn.stringValue,
      [ENV.cursorSecret]: vars.cursorSecret.stringValue,
      [ENV.maxRunningPerUser]: `${vars.maxRunningPerUser.numberValue}`,
      [ENV.abandonGraceSeconds]: `${vars.abandonGraceSeconds.numberValue}`,
      [ENV.sampleDataUrl]: conditional(vars.loadSampleData.booleanValue, catalog.sampleDataUrl, '') as unknown as string,
      [ENV.sampleDataRoleArn]: conditional(vars.loadSampleData.booleanValue, catalog.copyRole.arn, '') as unknown as string,
      [ENV.logLevel]: vars.logLevel.stringValue,
    };
    const capabilityScope = {
      tableArn: table.arn,
      indexArns,
      connectionsArns: ['POST', 'GET', 'DELETE'].map((method) => `${wsApi.executionArn}/${WEBSOCKET_STAGE}/${method}/@connections/*`),
      catalogObjectArn: `${catalog.bucket.arn}/${CATALOG_KEY}`,
      bucketArn: catalog.bucket.arn,
      sampleDataPrefix: SAMPLE_DATA_PREFIX,
    };
    // notify's failed asynchronous attempts go to this queue through notify's (the runner's) role.
    const failureDestination = {
      Sid: 'NotifyFailureDestination',
      Effect: 'Allow' as const,
      Action: ['sqs:SendMessage'],
      Resource: [queues.failedInvocations.arn],
    };
    const { functions, runnerRole, runnerPolicy } = deployFunctions(this, env, capabilityScope, vars.logRetention, [failureDestination]);
    const runnerPolicies = grantStatementRunner(this, runnerRole, target, account);

    const apiGatewayLogging = apiGatewayAccount(this, account, `var.${vars.manageApiGatewayAccount.friendlyUniqueId}`);
    websocketApi(this, wsApi, {
      functions,
      logRetention: vars.logRetention,
      throttleRate: vars.wsThrottleRate,
      throttleBurst: vars.wsThrottleBurst,
      stageDependsOn: [apiGatewayLogging],
    });
    const http = httpApi(this, {
      functions,
      userPoolClientId: identity.userPoolClientId,
      issuer: identity.issuer,
      corsOrigins: vars.corsOrigins,
      logRetention: vars.logRetention,
      throttleRate: vars.httpThrottleRate,
      throttleBurst: vars.httpThrottleBurst,
    });
    this.httpUrl = http.api.apiEndpoint;
    eventWiring(this, functions, queues);
    const alarms = deadLetterAlarms(this, queues);

    const setup = onlyFunction(functions, (f) => f.spec.trigger.kind === 'deploy');
    // Invoked on create and again only when its code or warehouse settings change; setup-warehouse is
    // idempotent (creates the table if missing, COPYs the sample data only into an empty table).
    new LambdaInvocation(this, 'setup_warehouse_on_deploy', {
      functionName: setup.lambda.functionName,
      input: JSON.stringify({ source: 'redwire.deploy', action: 'setup-warehouse' }),
      triggers: {
        code: setup.lambda.sourceCodeHash,
        environment: Fn.sha1(Fn.jsonencode(setup.lambda.environment)),
      },
      // Its role must be able to log and reach the warehouse before the first invocation.
      dependsOn: [runnerPolicy, ...runnerPolicies],
    });

    const parameters = {
      'websocket-url': this.websocketUrl,
      'connections-url': connectionsUrl,
      'http-url': this.httpUrl,
    };
    for (const [name, value] of Object.entries(parameters)) {
      new SsmParameter(this, `parameter_${name.replace(/-/g, '_')}`, { name: `/${options.prefix}/${name}`, type: 'String', value });
    }
    this.output('websocket_url', this.websocketUrl);
    this.output('http_url', this.httpUrl);
    this.output('connections_url', connectionsUrl);
    this.output('catalog_bucket', catalog.bucket.bucket);
    this.output('sample_data_url', catalog.sampleDataUrl);
    this.output('sample_data_copy_role_arn', catalog.copyRole.arn);
    this.output('registry_table', table.name);
    this.output('notify_dead_letter_queues', [queues.undeliveredEvents.url, queues.failedInvocations.url]);
    this.output('alarm_topic_arn', alarms.arn);
  }
}

/** The account-level role API Gateway writes CloudWatch logs with (WebSocket access logs need it). */
function apiGatewayAccount(stack: RedwireStack, account: { partition: string; region: string; accountId: string }, manageCondition: string): ApiGatewayAccount {
  const role = new IamRole(stack, 'api_gateway_cloudwatch_role', {
    name: stack.name('api-gateway-cloudwatch'),
    assumeRolePolicy: trustPolicy('apigateway.amazonaws.com'),
  });
  new IamRolePolicy(stack, 'api_gateway_cloudwatch_policy', {
    name: 'push-logs',
    role: role.id,
    policy: policyDocument([
      {
        Sid: 'PushApiLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:DescribeLogGroups', 'logs:DescribeLogStreams', 'logs:PutLogEvents', 'logs:GetLogEvents', 'logs:FilterLogEvents'],
        // This role is the account's (one per region, for every API there), so it is scoped to the
        // account's log groups in this region rather than to Redwire's.
        Resource: [`arn:${account.partition}:logs:${account.region}:${account.accountId}:log-group:*`],
      },
    ]),
  });
  const setting = new ApiGatewayAccount(stack, 'api_gateway_account', { cloudwatchRoleArn: role.arn });
  setting.addOverride('count', expr(`${manageCondition} ? 1 : 0`));
  return setting;
}
