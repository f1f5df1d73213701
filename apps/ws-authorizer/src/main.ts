import type { APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { createIdTokenVerifier, idTokenConfigFromEnv } from '@redwire/auth';
import { authorizeConnect, loggerFor, type AuthorizerResult } from '@redwire/report-flow';

/** `$connect` REQUEST authorizer: the Cognito ID token in `?token=` → Allow with the user as context, or 401. */
const verifier = createIdTokenVerifier(idTokenConfigFromEnv());
const logger = loggerFor('ws-authorizer');

export async function handler(event: APIGatewayRequestAuthorizerEvent): Promise<AuthorizerResult> {
  const connectionId = event.requestContext.connectionId;
  try {
    const result = await authorizeConnect(verifier, event);
    logger.info({ connectionId, userId: result.principalId }, 'connection authorized');
    return result;
  } catch (error) {
    logger.info({ connectionId, reason: (error as Error).message }, 'connection refused');
    throw error;
  }
}
