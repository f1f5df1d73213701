/** WebSocket API routes; selection on `$request.body.action`. */
export const WEBSOCKET_ROUTE_SELECTION = '$request.body.action';
export const websocketRoutes = ['$connect', '$disconnect', '$default', 'submit', 'cancel', 'resume', 'ping'] as const;
export type WebSocketRoute = (typeof websocketRoutes)[number];
/** Query-string parameter carrying the Cognito ID token on `$connect` (browsers cannot set headers). */
export const WEBSOCKET_TOKEN_QUERY = 'token';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';
export interface HttpRoute {
  readonly method: HttpMethod;
  /** API Gateway v2 path, `{name}` for path parameters. */
  readonly path: string;
}

/** HTTP API routes (payload format 2.0), all behind the Cognito JWT authorizer. */
export const httpRoutes: readonly HttpRoute[] = [
  { method: 'GET', path: '/reports' },
  { method: 'GET', path: '/statements/{id}' },
  { method: 'GET', path: '/statements/{id}/result' },
  { method: 'GET', path: '/statements/{id}/result.csv' },
];
