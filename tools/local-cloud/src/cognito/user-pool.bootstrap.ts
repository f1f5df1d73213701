import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { CognitoCall } from './cognito.service.js';
import { REDWIRE_PASSWORD_POLICY } from './password-policy.js';

export interface PoolIds {
  readonly userPoolId: string;
  readonly userPoolClientId: string;
}

async function stillThere(call: CognitoCall, ids: PoolIds): Promise<boolean> {
  try {
    await call('DescribeUserPoolClient', { UserPoolId: ids.userPoolId, ClientId: ids.userPoolClientId });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Redwire user pool (email as username, email auto-verified, the sample's password policy) and its app client
 * (USER_PASSWORD_AUTH and refresh; SRP is listed for AWS parity): created on first start, reused afterwards.
 */
export async function ensureUserPool(call: CognitoCall, idsFile: string): Promise<PoolIds> {
  if (existsSync(idsFile)) {
    const saved = JSON.parse(readFileSync(idsFile, 'utf8')) as PoolIds;
    if (await stillThere(call, saved)) return saved;
  }
  const pool = (await call('CreateUserPool', {
    PoolName: 'redwire',
    UsernameAttributes: ['email'],
    AutoVerifiedAttributes: ['email'],
    Policies: { PasswordPolicy: REDWIRE_PASSWORD_POLICY },
    Schema: [{ Name: 'email', AttributeDataType: 'String', Required: true, Mutable: true }],
  })) as { UserPool: { Id: string } };
  const client = (await call('CreateUserPoolClient', {
    UserPoolId: pool.UserPool.Id,
    ClientName: 'redwire-web',
    GenerateSecret: false,
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    PreventUserExistenceErrors: 'ENABLED',
  })) as { UserPoolClient: { ClientId: string } };
  const ids = { userPoolId: pool.UserPool.Id, userPoolClientId: client.UserPoolClient.ClientId };
  writeFileSync(idsFile, JSON.stringify(ids, null, 2));
  return ids;
}
