import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { defaultProvider } from './lambda-credentials.js';

let server: Server;
let url = '';
const authorizations: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    authorizations.push(String(request.headers.authorization));
    request.resume();
    request.on('end', () => {
      response.setHeader('content-type', 'application/x-amz-json-1.0');
      response.end('{"TableNames":[]}');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

afterEach(() => {
  vi.unstubAllEnvs();
  authorizations.length = 0;
});

function stubCredentials(values: Record<string, string | undefined>): void {
  for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION']) vi.stubEnv(name, values[name]);
}

describe('Lambda bundle credentials (alias of @aws-sdk/credential-provider-node)', () => {
  it('reads the role credentials Lambda puts in the environment', async () => {
    stubCredentials({ AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'secret', AWS_SESSION_TOKEN: 'session' });
    await expect(defaultProvider()()).resolves.toMatchObject({ accessKeyId: 'ASIAEXAMPLE', secretAccessKey: 'secret', sessionToken: 'session' });
  });

  it('fails with the SDK error when the environment has none (no files, no IMDS)', async () => {
    stubCredentials({ AWS_ACCESS_KEY_ID: 'ASIAEXAMPLE' });
    await expect(defaultProvider()()).rejects.toMatchObject({ name: 'CredentialsProviderError', message: expect.stringMatching(/environment variable credentials/) });
  });

  it('is what an SDK client signs with when it stands in for the default chain', async () => {
    stubCredentials({ AWS_ACCESS_KEY_ID: 'AKIDFROMENV', AWS_SECRET_ACCESS_KEY: 'secret' });
    const client = new DynamoDBClient({ region: 'eu-west-1', endpoint: url, credentialDefaultProvider: defaultProvider });
    await client.send(new ListTablesCommand({}));
    client.destroy();
    expect(authorizations).toHaveLength(1);
    expect(authorizations[0]).toMatch(/Credential=AKIDFROMENV\/\d{8}\/eu-west-1\/dynamodb\/aws4_request/);
  });

  it('is the alias target of the Lambda bundles (nx.json esbuild options)', () => {
    const root = resolve(import.meta.dirname, '../../..');
    const nx = JSON.parse(readFileSync(join(root, 'nx.json'), 'utf8')) as { targetDefaults: Record<string, { options?: { esbuildOptions?: { alias?: Record<string, string> } } }> };
    const target = nx.targetDefaults['@nx/esbuild:esbuild']?.options?.esbuildOptions?.alias?.['@aws-sdk/credential-provider-node'];
    expect(target && resolve(root, target)).toBe(join(import.meta.dirname, 'lambda-credentials.ts'));
  });
});
