import { createPrivateKey, createSign, generateKeyPairSync } from 'node:crypto';
import { createRequire } from 'node:module';

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

function parts(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.');
  return { header: JSON.parse(Buffer.from(header ?? '', 'base64url').toString()), payload: JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) };
}

function sign(header: Record<string, unknown>, payload: Record<string, unknown>, key: Parameters<ReturnType<typeof createSign>['sign']>[0]): string {
  const body = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  return `${body}.${b64(createSign('RSA-SHA256').update(body).sign(key))}`;
}

/** The same claims (another user's `sub`), signed with a key the pool never issued. */
export function forgedToken(real: string): string {
  const { header, payload } = parts(real);
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return sign(header, { ...payload, sub: 'someone-else' }, privateKey);
}

/** A token exactly as the local Cognito would sign it, except that it expired an hour ago. */
export function expiredToken(real: string): string {
  const { header, payload } = parts(real);
  const pem = (createRequire(import.meta.url)('cognito-local/lib/keys/cognitoLocal.private.json') as { pem: string }).pem;
  const now = Math.floor(Date.now() / 1000);
  return sign(header, { ...payload, iat: now - 7200, auth_time: now - 7200, exp: now - 3600 }, createPrivateKey(pem));
}
