import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { catalogFromEnv, handleResultsRequest, identityFromJwtClaims, loggerFor, registryFromEnv, warehouseFromEnv, type HttpResponse } from '@redwire/report-flow';

/** HTTP API (payload 2.0, Cognito JWT authorizer): report list, statement status, result pages, CSV. */
const deps = { registry: registryFromEnv(), reader: warehouseFromEnv(process.env, { withCursors: true }), catalog: catalogFromEnv(), logger: loggerFor('results-api') };

export async function handler(event: APIGatewayProxyEventV2WithJWTAuthorizer): Promise<HttpResponse> {
  const statementId = event.pathParameters?.['id'];
  const cursor = event.queryStringParameters?.['cursor'];
  return handleResultsRequest(deps, {
    routeKey: event.routeKey,
    identity: identityFromJwtClaims(event.requestContext.authorizer?.jwt?.claims),
    ...(statementId !== undefined ? { statementId } : {}),
    ...(cursor !== undefined ? { cursor } : {}),
  });
}
