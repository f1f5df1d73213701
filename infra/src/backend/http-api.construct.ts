import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Authorizer } from '@cdktf/provider-aws/lib/apigatewayv2-authorizer';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import type { HttpRoute } from '@redwire/system';
import type { TerraformVariable } from 'cdktf';
import type { RedwireStack } from '../shared/redwire-stack.js';
import type { DeployedFunction } from './functions.construct.js';
import { key } from './websocket-api.construct.js';

export const HTTP_STAGE = '$default';

export const HTTP_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTimeEpoch',
  ip: '$context.identity.sourceIp',
  routeKey: '$context.routeKey',
  status: '$context.status',
  responseLength: '$context.responseLength',
  latency: '$context.responseLatency',
  authorizerError: '$context.authorizer.error',
  integrationError: '$context.integrationErrorMessage',
});

export interface HttpApiProps {
  readonly functions: ReadonlyMap<string, DeployedFunction>;
  readonly userPoolClientId: string;
  readonly issuer: string;
  readonly corsOrigins: TerraformVariable;
  readonly logRetention: TerraformVariable;
  readonly throttleRate: TerraformVariable;
  readonly throttleBurst: TerraformVariable;
}

/** The HTTP API (payload 2.0): every route behind the Cognito JWT authorizer, CORS for the browser. */
export function httpApi(stack: RedwireStack, props: HttpApiProps): { api: Apigatewayv2Api; stage: Apigatewayv2Stage } {
  const api = new Apigatewayv2Api(stack, 'http_api', {
    name: stack.name('http'),
    protocolType: 'HTTP',
    corsConfiguration: {
      allowOrigins: props.corsOrigins.listValue,
      allowMethods: ['GET', 'OPTIONS'],
      allowHeaders: ['authorization', 'content-type'],
      maxAge: 3600,
    },
  });
  const authorizer = new Apigatewayv2Authorizer(stack, 'http_jwt_authorizer', {
    apiId: api.id,
    name: stack.name('cognito-jwt'),
    authorizerType: 'JWT',
    identitySources: ['$request.header.Authorization'],
    jwtConfiguration: { audience: [props.userPoolClientId], issuer: props.issuer },
  });
  for (const fn of props.functions.values()) {
    if (fn.spec.trigger.kind !== 'http-route') continue;
    const integration = new Apigatewayv2Integration(stack, `http_${key(fn.spec.name)}_integration`, {
      apiId: api.id,
      integrationType: 'AWS_PROXY',
      integrationUri: fn.lambda.invokeArn,
      payloadFormatVersion: '2.0',
      timeoutMilliseconds: Math.min(30_000, fn.spec.timeoutSeconds * 1000 + 1000),
    });
    for (const route of fn.spec.trigger.routes) {
      const name = routeId(route);
      new Apigatewayv2Route(stack, `http_route_${name}`, {
        apiId: api.id,
        routeKey: `${route.method} ${route.path}`,
        target: `integrations/${integration.id}`,
        authorizationType: 'JWT',
        authorizerId: authorizer.id,
      });
      new LambdaPermission(stack, `http_route_${name}_invoke`, {
        statementId: `http-${name.replace(/_/g, '-')}`,
        action: 'lambda:InvokeFunction',
        functionName: fn.lambda.functionName,
        principal: 'apigateway.amazonaws.com',
        // Any stage, this method and path (`*` also covers the `{id}` template or its value).
        sourceArn: `${api.executionArn}/*/${route.method}${route.path.replace(/\{[^}]+\}/g, '*')}`,
      });
    }
  }
  const accessLogs = new CloudwatchLogGroup(stack, 'http_access_logs', {
    name: `/aws/apigateway/${stack.name('http')}`,
    retentionInDays: props.logRetention.numberValue,
  });
  const stage = new Apigatewayv2Stage(stack, 'http_stage', {
    apiId: api.id,
    name: HTTP_STAGE,
    autoDeploy: true,
    defaultRouteSettings: {
      throttlingRateLimit: props.throttleRate.numberValue,
      throttlingBurstLimit: props.throttleBurst.numberValue,
    },
    accessLogSettings: { destinationArn: accessLogs.arn, format: HTTP_ACCESS_LOG_FORMAT },
  });
  return { api, stage };
}

/** `GET /statements/{id}/result.csv` → `get_statements_id_result_csv`. */
export function routeId(route: HttpRoute): string {
  return `${route.method}_${route.path}`.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/_+$/, '');
}
