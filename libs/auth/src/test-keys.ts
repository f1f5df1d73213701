import { createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { Jwks } from './auth.config.js';

/** An RSA key pair and a signer for tests: real RS256 tokens without a Cognito. Not exported from the barrel. */
export interface TestIssuer {
  readonly jwks: Jwks;
  sign(payload: Record<string, unknown>, header?: Record<string, unknown>): string;
}

const b64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

export function createTestIssuer(kid = 'test-key'): TestIssuer {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = (publicKey as KeyObject).export({ format: 'jwk' }) as { n: string; e: string };
  return {
    jwks: { keys: [{ kty: 'RSA', kid, alg: 'RS256', use: 'sig', n: jwk.n, e: jwk.e }] },
    sign(payload, header = {}) {
      const head = b64url(JSON.stringify({ alg: 'RS256', kid, typ: 'JWT', ...header }));
      const body = b64url(JSON.stringify(payload));
      const signature = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey);
      return `${head}.${body}.${b64url(signature)}`;
    },
  };
}
