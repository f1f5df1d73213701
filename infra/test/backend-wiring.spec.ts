import { functions, httpRoutes, registryTable, statementStatusRule, sweeperSchedule, websocketRoutes } from '@redwire/system';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { functionNamed, loadStack, referencedName, resource, resources, resourceWhere, type Json, type StackJson } from './stacks.js';

let backend: StackJson;
beforeAll(() => {
  backend = loadStack(inject('synthOutdir'), 'backend');
});

const lambdaOf = (expression: unknown): string => referencedName(expression, 'aws_lambda_function');

describe('backend stack: WebSocket API', () => {
  it('selects routes on $request.body.action', () => {
    expect(resource(backend, 'aws_apigatewayv2_api', 'ws_api')).toMatchObject({
      protocol_type: 'WEBSOCKET',
      route_selection_expression: '$request.body.action',
    });
  });

  it('wires every route of libs/system through an integration to the function that handles it', () => {
    const routes = Object.values(resources(backend, 'aws_apigatewayv2_route')).filter((r) => !String(r['route_key']).includes(' '));
    expect(routes.map((r) => r['route_key']).sort()).toEqual([...websocketRoutes].sort());
    for (const route of routes) {
      const integration = resource(backend, 'aws_apigatewayv2_integration', referencedName(route['target'], 'aws_apigatewayv2_integration'));
      expect(integration['integration_type']).toBe('AWS_PROXY');
      expect(String(route['target'])).toMatch(/^integrations\/\$\{aws_apigatewayv2_integration\.[a-z_]+\.id\}$/);
      const handler = functions.find((f) => f.trigger.kind === 'websocket-route' && (f.trigger.routes as readonly string[]).includes(String(route['route_key'])));
      expect(lambdaOf(integration['integration_uri'])).toBe(functionNamed(backend, `redwire-${handler?.name}`));
    }
  });

  it('authorizes $connect with the REQUEST authorizer reading the token query string, and only $connect', () => {
    const [, connect] = resourceWhere(backend, 'aws_apigatewayv2_route', 'route_key', '$connect');
    expect(connect['authorization_type']).toBe('CUSTOM');
    const authorizer = resource(backend, 'aws_apigatewayv2_authorizer', referencedName(connect['authorizer_id'], 'aws_apigatewayv2_authorizer'));
    expect(authorizer).toMatchObject({ authorizer_type: 'REQUEST', identity_sources: ['route.request.querystring.token'] });
    expect(lambdaOf(authorizer['authorizer_uri'])).toBe(functionNamed(backend, 'redwire-ws-authorizer'));
    for (const key of websocketRoutes.filter((k) => k !== '$connect')) {
      expect(resourceWhere(backend, 'aws_apigatewayv2_route', 'route_key', key)[1]['authorization_type']).toBe('NONE');
    }
  });

  it('throttles the stage and keeps the query string (the token) out of its access log', () => {
    const stage = resource(backend, 'aws_apigatewayv2_stage', 'ws_stage');
    const settings = stage['default_route_settings'] as Json;
    expect(settings['throttling_rate_limit']).toBe('${var.websocket_throttle_rate}');
    expect(settings['throttling_burst_limit']).toBe('${var.websocket_throttle_burst}');
    expect(settings['logging_level']).toBe('OFF');
    const format = String((stage['access_log_settings'] as Json)['format']);
    expect(JSON.parse(format)).toHaveProperty('connectionId', '$context.connectionId');
    expect(format).not.toMatch(/querystring|token|header/i);
    expect(referencedName(stage['deployment_id'], 'aws_apigatewayv2_deployment')).toBe('ws_deployment');
  });

  it('sets the account-level CloudWatch role access logging needs, before the stage', () => {
    const account = resource(backend, 'aws_api_gateway_account', 'api_gateway_account');
    const role = resource(backend, 'aws_iam_role', referencedName(account['cloudwatch_role_arn'], 'aws_iam_role'));
    expect(String(role['assume_role_policy'])).toContain('apigateway.amazonaws.com');
    expect(account['count']).toBe('${var.manage_api_gateway_account ? 1 : 0}');
    expect(resource(backend, 'aws_apigatewayv2_stage', 'ws_stage')['depends_on']).toContain('aws_api_gateway_account.api_gateway_account');
  });
});

describe('backend stack: HTTP API', () => {
  it('puts every HTTP route of libs/system behind the JWT authorizer of the identity stack', () => {
    const authorizer = resource(backend, 'aws_apigatewayv2_authorizer', 'http_jwt_authorizer');
    const jwt = authorizer['jwt_configuration'] as Json;
    expect(authorizer['authorizer_type']).toBe('JWT');
    expect(String(jwt['issuer'])).toMatch(/^https:\/\/\$\{data\.terraform_remote_state\.cross-stack-reference-input-identity\.outputs\./);
    expect(String((jwt['audience'] as string[])[0])).toContain('terraform_remote_state.cross-stack-reference-input-identity');
    const keys = httpRoutes.map((r) => `${r.method} ${r.path}`);
    for (const key of keys) {
      const [, route] = resourceWhere(backend, 'aws_apigatewayv2_route', 'route_key', key);
      expect(route).toMatchObject({ authorization_type: 'JWT' });
      expect(referencedName(route['authorizer_id'], 'aws_apigatewayv2_authorizer')).toBe('http_jwt_authorizer');
      const integration = resource(backend, 'aws_apigatewayv2_integration', referencedName(route['target'], 'aws_apigatewayv2_integration'));
      expect(integration['payload_format_version']).toBe('2.0');
      expect(lambdaOf(integration['integration_uri'])).toBe(functionNamed(backend, 'redwire-results-api'));
    }
  });

  it('answers CORS preflights for the browser', () => {
    expect(resource(backend, 'aws_apigatewayv2_api', 'http_api')['cors_configuration']).toMatchObject({
      allow_methods: ['GET', 'OPTIONS'],
      allow_headers: ['authorization', 'content-type'],
      allow_origins: '${var.cors_allowed_origins}',
    });
  });
});

describe('backend stack: functions', () => {
  it('deploys one nodejs22.x arm64 function per handler of libs/system with its own log group', () => {
    expect(Object.keys(resources(backend, 'aws_lambda_function'))).toHaveLength(functions.length);
    for (const spec of functions) {
      const name = functionNamed(backend, `redwire-${spec.name}`);
      const fn = resource(backend, 'aws_lambda_function', name);
      expect(fn).toMatchObject({ runtime: 'nodejs22.x', architectures: ['arm64'], handler: 'main.handler', timeout: spec.timeoutSeconds, memory_size: spec.memoryMb });
      expect(String(fn['source_code_hash'])).toBe(`\${filebase64sha256("${String(fn['filename'])}")}`);
      const [logName, logGroup] = resourceWhere(backend, 'aws_cloudwatch_log_group', 'name', `/aws/lambda/redwire-${spec.name}`);
      expect(logGroup['retention_in_days']).toBe('${var.log_retention_days}');
      expect(fn['depends_on']).toContain(`aws_cloudwatch_log_group.${logName}`);
    }
  });

  it('gives each function exactly the environment names the topology lists, dropping empty values', () => {
    for (const spec of functions) {
      const name = functionNamed(backend, `redwire-${spec.name}`);
      const variables = String((resource(backend, 'aws_lambda_function', name)['environment'] as Json)['variables']);
      const local = variables.match(/^\$\{\{ for key, val in local\.([a-z_]+): key => val if val != "" \}\}$/)?.[1];
      expect(local, variables).toBeDefined();
      const names = Object.keys(backend.locals?.[local as string] ?? {});
      expect(names.sort(), spec.name).toEqual(spec.environment.filter((e) => e !== 'AWS_REGION' && e !== 'REDWIRE_JWKS').sort());
    }
  });

  it('points handlers at the table, the catalog object and the @connections endpoint of the live stage', () => {
    const env = backend.locals?.['ws_message_environment'] as Json;
    expect(env['REDWIRE_TABLE_NAME']).toBe('${aws_dynamodb_table.registry_table.name}');
    expect(env['REDWIRE_CATALOG_URL']).toBe('s3://${aws_s3_bucket.catalog_bucket.bucket}/catalog/catalog.json');
    expect(env['REDWIRE_CONNECTIONS_URL']).toBe('https://${aws_apigatewayv2_api.ws_api.id}.execute-api.${data.aws_region.region.name}.amazonaws.com/live');
  });

  it('invokes setup-warehouse once on deploy, again only when its code or settings change', () => {
    const invocation = resource(backend, 'aws_lambda_invocation', 'setup_warehouse_on_deploy');
    expect(lambdaOf(invocation['function_name'])).toBe(functionNamed(backend, 'redwire-setup-warehouse'));
    expect(Object.keys(invocation['triggers'] as Json).sort()).toEqual(['code', 'environment']);
    expect(invocation['lifecycle_scope']).toBeUndefined(); // CREATE_ONLY: destroy does not invoke it
    expect(invocation['depends_on']).toEqual(expect.arrayContaining(['aws_iam_role_policy.statement_runner_policy', 'aws_iam_role_policy.runner_statements', 'aws_iam_role_policy.runner_credentials_secret']));
  });
});

describe('backend stack: events', () => {
  it('sends Redwire statement status changes to notify with both dead-letter paths', () => {
    const [ruleName, rule] = resourceWhere(backend, 'aws_cloudwatch_event_rule', 'name', `redwire-${statementStatusRule.name}`);
    expect(JSON.parse(String(rule['event_pattern']))).toEqual(statementStatusRule.eventPattern);
    const [, target] = Object.entries(resources(backend, 'aws_cloudwatch_event_target')).find(([, t]) => referencedName(t['rule'], 'aws_cloudwatch_event_rule') === ruleName) ?? [];
    expect(lambdaOf(target?.['arn'])).toBe(functionNamed(backend, 'redwire-notify'));
    const undelivered = referencedName((target?.['dead_letter_config'] as Json)['arn'], 'aws_sqs_queue');
    const invokeConfig = resource(backend, 'aws_lambda_function_event_invoke_config', 'notify_async_config');
    expect(lambdaOf(invokeConfig['function_name'])).toBe(functionNamed(backend, 'redwire-notify'));
    const failed = referencedName(invokeConfig['destination_config'], 'aws_sqs_queue');
    expect(undelivered).not.toBe(failed);
    const queuePolicy = Object.values(resources(backend, 'aws_sqs_queue_policy')).find((p) => referencedName(p['queue_url'], 'aws_sqs_queue') === undelivered);
    expect(JSON.parse(String(queuePolicy?.['policy'])).Statement[0].Condition.ArnEquals['aws:SourceArn']).toBe(`\${aws_cloudwatch_event_rule.${ruleName}.arn}`);
  });

  it('raises an alarm on the SNS topic when either dead-letter queue holds a message', () => {
    const alarms = Object.values(resources(backend, 'aws_cloudwatch_metric_alarm'));
    const watched = alarms.map((alarm) => referencedName((alarm['dimensions'] as Json)['QueueName'], 'aws_sqs_queue')).sort();
    expect(watched).toEqual(['notify_failed_invocations', 'notify_undelivered_events']);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({
        namespace: 'AWS/SQS',
        metric_name: 'ApproximateNumberOfMessagesVisible',
        comparison_operator: 'GreaterThanThreshold',
        threshold: 0,
        treat_missing_data: 'notBreaching',
      });
      expect(alarm['alarm_actions']).toEqual(['${aws_sns_topic.alarms.arn}']);
    }
    expect(resource(backend, 'aws_sns_topic', 'alarms')['name']).toBe('redwire-alarms');
  });

  it('runs the sweeper on its rate(1 minute) schedule', () => {
    const [scheduleName, schedule] = resourceWhere(backend, 'aws_cloudwatch_event_rule', 'name', `redwire-${sweeperSchedule.name}`);
    expect(schedule['schedule_expression']).toBe('rate(1 minute)');
    const target = Object.values(resources(backend, 'aws_cloudwatch_event_target')).find((t) => referencedName(t['rule'], 'aws_cloudwatch_event_rule') === scheduleName);
    expect(lambdaOf(target?.['arn'])).toBe(functionNamed(backend, 'redwire-sweeper'));
  });

  it('scopes every Lambda permission by source ARN to the API, route, authorizer or rule that invokes it', () => {
    const permissions = Object.values(resources(backend, 'aws_lambda_permission'));
    expect(permissions.length).toBe(websocketRoutes.length + httpRoutes.length + 1 + 2);
    for (const permission of permissions) expect(String(permission['source_arn'] ?? '')).toMatch(/^\$\{aws_(apigatewayv2_api|cloudwatch_event_rule)\./);
    const sources = permissions.map((p) => String(p['source_arn']));
    expect(sources).toContain('${aws_apigatewayv2_api.ws_api.execution_arn}/live/$connect');
    expect(sources).toContain('${aws_apigatewayv2_api.ws_api.execution_arn}/authorizers/${aws_apigatewayv2_authorizer.ws_authorizer.id}');
    expect(sources).toContain('${aws_apigatewayv2_api.http_api.execution_arn}/*/GET/statements/*/result.csv');
  });
});

describe('backend stack: storage', () => {
  it('creates the registry table on demand with TTL, every GSI of libs/system, PITR and encryption', () => {
    const table = resource(backend, 'aws_dynamodb_table', 'registry_table');
    expect(table).toMatchObject({
      billing_mode: 'PAY_PER_REQUEST',
      hash_key: registryTable.partitionKey,
      range_key: registryTable.sortKey,
      ttl: { attribute_name: 'ttl', enabled: true },
      point_in_time_recovery: { enabled: true },
      server_side_encryption: { enabled: true },
    });
    const indexes = table['global_secondary_index'] as Json[];
    expect(indexes.map((i) => i['name'])).toEqual(registryTable.globalSecondaryIndexes.map((i) => i.name));
    expect(indexes.find((i) => i['name'] === 'byStatementId')).toMatchObject({ hash_key: 'statementId', projection_type: 'ALL' });
    const attributes = (table['attribute'] as Json[]).map((a) => a['name']);
    expect(new Set(attributes).size).toBe(attributes.length);
  });

  it('keeps the catalog bucket private, encrypted and versioned, with the catalog bundle and sample Parquet uploaded', () => {
    const bucketRef = '${aws_s3_bucket.catalog_bucket.id}';
    expect(resourceWhere(backend, 'aws_s3_bucket_public_access_block', 'bucket', bucketRef)[1]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(resourceWhere(backend, 'aws_s3_bucket_server_side_encryption_configuration', 'bucket', bucketRef)[1]['rule']).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: 'AES256' }, bucket_key_enabled: true },
    ]);
    expect(resourceWhere(backend, 'aws_s3_bucket_versioning', 'bucket', bucketRef)[1]['versioning_configuration']).toEqual({ status: 'Enabled' });
    const objects = Object.values(resources(backend, 'aws_s3_object'));
    expect(objects.map((o) => o['key']).sort()).toEqual(['catalog/catalog.json', 'sample-data/trips/part-0.parquet']);
  });

  it('publishes the endpoints as SSM parameters', () => {
    const parameters = Object.values(resources(backend, 'aws_ssm_parameter')).map((p) => [p['name'], p['value']]);
    expect(parameters).toEqual(
      expect.arrayContaining([
        ['/redwire/websocket-url', '${aws_apigatewayv2_api.ws_api.api_endpoint}/live'],
        ['/redwire/http-url', '${aws_apigatewayv2_api.http_api.api_endpoint}'],
      ]),
    );
  });
});
