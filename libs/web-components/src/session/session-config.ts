import type { AuthFlow } from './cognito-auth.js';

/** Everything `<redwire-session>` needs to know about one deployment. */
export interface SessionConfig {
  websocketUrl: string;
  restUrl: string;
  userPoolId: string;
  clientId: string;
  region: string;
  cognitoEndpoint?: string;
  authFlow: AuthFlow;
}

/** A configuration problem, named in plain words for the page's author. */
export class SessionConfigError extends Error {
  override name = 'SessionConfigError';
}

const AUTH_FLOWS: readonly string[] = ['USER_SRP_AUTH', 'USER_PASSWORD_AUTH'];

function need(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new SessionConfigError(`Missing ${what}.`);
  return value.trim();
}

/**
 * The session's configuration from attributes or from a `config.json`
 * (`{websocket, rest, cognito?, userPoolId, userPoolClientId, region, authFlow?}`,
 * the same keys as `.redwire/endpoints.json`). The auth flow defaults to SRP,
 * except with a Cognito endpoint override: the local stand-in has no SRP.
 */
export function sessionConfig(input: {
  websocketUrl?: unknown;
  restUrl?: unknown;
  userPoolId?: unknown;
  clientId?: unknown;
  region?: unknown;
  cognitoEndpoint?: unknown;
  authFlow?: unknown;
}): SessionConfig {
  const websocketUrl = need(input.websocketUrl, 'the WebSocket URL (websocket-url)');
  if (!/^wss?:\/\//.test(websocketUrl)) throw new SessionConfigError('The WebSocket URL must start with ws:// or wss://.');
  const restUrl = need(input.restUrl, 'the HTTP API URL (rest-url)');
  if (!/^https?:\/\//.test(restUrl)) throw new SessionConfigError('The HTTP API URL must start with http:// or https://.');
  const cognitoEndpoint = typeof input.cognitoEndpoint === 'string' && input.cognitoEndpoint !== '' ? input.cognitoEndpoint : undefined;
  const flow = typeof input.authFlow === 'string' && input.authFlow !== '' ? input.authFlow : undefined;
  if (flow !== undefined && !AUTH_FLOWS.includes(flow)) throw new SessionConfigError('auth-flow must be USER_SRP_AUTH or USER_PASSWORD_AUTH.');
  return {
    websocketUrl,
    restUrl,
    userPoolId: need(input.userPoolId, 'the user pool id (user-pool-id)'),
    clientId: need(input.clientId, 'the app client id (client-id)'),
    region: need(input.region, 'the AWS region (region)'),
    cognitoEndpoint,
    authFlow: (flow ?? (cognitoEndpoint === undefined ? 'USER_SRP_AUTH' : 'USER_PASSWORD_AUTH')) as AuthFlow,
  };
}

/** Reads a deployment's `config.json`. */
export async function loadSessionConfig(url: string, signal: AbortSignal): Promise<SessionConfig> {
  let body: Record<string, unknown>;
  try {
    const response = await fetch(url, { signal });
    if (!response.ok) throw new SessionConfigError(`Cannot load the configuration (${response.status}).`);
    body = (await response.json()) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof SessionConfigError || signal.aborted) throw error;
    throw new SessionConfigError('Cannot load the configuration.');
  }
  return sessionConfig({
    websocketUrl: body['websocket'],
    restUrl: body['rest'],
    userPoolId: body['userPoolId'],
    clientId: body['userPoolClientId'],
    region: body['region'],
    cognitoEndpoint: body['cognito'],
    authFlow: body['authFlow'],
  });
}
