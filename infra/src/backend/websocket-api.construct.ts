import { Apigatewayv2Api } from '@cdktf/provider-aws/lib/apigatewayv2-api';
import { Apigatewayv2Authorizer } from '@cdktf/provider-aws/lib/apigatewayv2-authorizer';
import { Apigatewayv2Deployment } from '@cdktf/provider-aws/lib/apigatewayv2-deployment';
import { Apigatewayv2Integration } from '@cdktf/provider-aws/lib/apigatewayv2-integration';
import { Apigatewayv2Route } from '@cdktf/provider-aws/lib/apigatewayv2-route';
import { Apigatewayv2Stage } from '@cdktf/provider-aws/lib/apigatewayv2-stage';
import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { LambdaPermission } from '@cdktf/provider-aws/lib/lambda-permission';
import { WEBSOCKET_ROUTE_SELECTION, WEBSOCKET_TOKEN_QUERY, websocketRoutes } from '@redwire/system';
import { Fn, type ITerraformDependable, type TerraformVariable } from 'cdktf';
import { InfraError } from '../errors.js';
import type { RedwireStack } from '../shared/redwire-stack.js';
import type { DeployedFunction } from './functions.construct.js';

export const WEBSOCKET_STAGE = 'live';

/** API Gateway's own context fields only: no query string (it carries the ID token), no headers. */
export const WEBSOCKET_ACCESS_LOG_FORMAT = JSON.stringify({
  requestId: '$context.requestId',
  time: '$context.requestTimeEpoch',
  ip: '$context.identity.sourceIp',
  eventType: '$context.eventType',
  routeKey: '$context.routeKey',
  connectionId: '$context.connectionId',
  status: '$context.status',
  error: '$context.error.message',
  authorizerError: '$context.authorizer.error',
  integrationError: '$context.integration.error',
  integrationLatency: '$context.integration.latency',
});

export interface WebSocketApiProps {
  readonly functions: ReadonlyMap<string, DeployedFunction>;
  readonly logRetention: TerraformVariable;
  readonly throttleRate: TerraformVariable;
  readonly throttleBurst: TerraformVariable;
  /** Stage waits for the account's CloudWatch role (access logging needs it). */
  readonly stageDependsOn: ITerraformDependable[];
}

/** The WebSocket API: REQUEST authorizer on `$connect`, every route → its function, a throttled, logged stage. */
export function websocketApi(stack: RedwireStack, api: Apigatewayv2Api, props: WebSocketApiProps): Apigatewayv2Stage {
  const authorizerFn = onlyFunction(props.functions, (f) => f.spec.trigger.kind === 'websocket-authorizer');
  const authorizer = new Apigatewayv2Authorizer(stack, 'ws_authorizer', {
    apiId: api.id,
    name: stack.name('ws-token'),
    authorizerType: 'REQUEST',
    authorizerUri: authorizerFn.lambda.invokeArn,
    identitySources: [`route.request.querystring.${WEBSOCKET_TOKEN_QUERY}`],
  });
  new LambdaPermission(stack, 'ws_authorizer_invoke', {
    statementId: 'websocket-authorizer',
    action: 'lambda:InvokeFunction',
    functionName: authorizerFn.lambda.functionName,
    principal: 'apigateway.amazonaws.com',
    sourceArn: `${api.executionArn}/authorizers/${authorizer.id}`,
  });

  const routes: Apigatewayv2Route[] = [];
  for (const fn of props.functions.values()) {
    if (fn.spec.trigger.kind !== 'websocket-route') continue;
    const integration = new Apigatewayv2Integration(stack, `ws_${key(fn.spec.name)}_integration`, {
      apiId: api.id,
      integrationType: 'AWS_PROXY',
      integrationUri: fn.lambda.invokeArn,
    });
    for (const routeKey of fn.spec.trigger.routes) {
      const name = key(routeKey);
      routes.push(
        new Apigatewayv2Route(stack, `ws_route_${name}`, {
          apiId: api.id,
          routeKey,
          target: `integrations/${integration.id}`,
          ...(routeKey === '$connect' ? { authorizationType: 'CUSTOM', authorizerId: authorizer.id } : { authorizationType: 'NONE' }),
        }),
      );
      new LambdaPermission(stack, `ws_route_${name}_invoke`, {
        statementId: `websocket-${name}`,
        action: 'lambda:InvokeFunction',
        functionName: fn.lambda.functionName,
        principal: 'apigateway.amazonaws.com',
        sourceArn: `${api.executionArn}/${WEBSOCKET_STAGE}/${routeKey}`,
      });
    }
  }
  const covered = new Set(routes.map((r) => r.routeKeyInput));
  const uncovered = websocketRoutes.filter((r) => !covered.has(r));
  if (uncovered.length > 0) throw new InfraError('topology_drift', `WebSocket routes without a function: ${uncovered.join(', ')}`);

  const deployment = new Apigatewayv2Deployment(stack, 'ws_deployment', {
    apiId: api.id,
    description: 'Redwire WebSocket routes',
    // A new deployment whenever a route or its target changes.
    triggers: { redeployment: Fn.sha1(Fn.jsonencode(routes.map((r) => [r.routeKey, r.target, r.authorizerId]))) },
    lifecycle: { createBeforeDestroy: true },
    dependsOn: routes,
  });
  const accessLogs = new CloudwatchLogGroup(stack, 'ws_access_logs', {
    name: `/aws/apigateway/${stack.name('websocket')}`,
    retentionInDays: props.logRetention.numberValue,
  });
  return new Apigatewayv2Stage(stack, 'ws_stage', {
    apiId: api.id,
    name: WEBSOCKET_STAGE,
    deploymentId: deployment.id,
    defaultRouteSettings: {
      throttlingRateLimit: props.throttleRate.numberValue,
      throttlingBurstLimit: props.throttleBurst.numberValue,
      // Execution logs could record request details; only the access log below is kept.
      loggingLevel: 'OFF',
      dataTraceEnabled: false,
    },
    accessLogSettings: { destinationArn: accessLogs.arn, format: WEBSOCKET_ACCESS_LOG_FORMAT },
    dependsOn: props.stageDependsOn,
  });
}

export function createWebsocketApi(stack: RedwireStack): Apigatewayv2Api {
  return new Apigatewayv2Api(stack, 'ws_api', {
    name: stack.name('websocket'),
    protocolType: 'WEBSOCKET',
    routeSelectionExpression: WEBSOCKET_ROUTE_SELECTION,
  });
}

function onlyFunction(all: ReadonlyMap<string, DeployedFunction>, test: (f: DeployedFunction) => boolean): DeployedFunction {
  const found = [...all.values()].filter(test);
  const [only] = found;
  if (found.length !== 1 || !only) throw new InfraError('topology_drift', `expected exactly one matching function, found ${found.length}`);
  return only;
}

export function key(name: string): string {
  return name.replace(/^\$/, '').replace(/[^A-Za-z0-9]/g, '_');
}

export { onlyFunction };
