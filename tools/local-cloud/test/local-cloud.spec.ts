import { createServer } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient, GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { ephemeralPorts, PortInUseError } from '../src/index.js';
import { cognitoClient, codeFor, GOOD_PASSWORD, signedInUser } from './support/cognito-user.js';
import { startTestCloud } from './support/test-cloud.js';

const ENDPOINT_KEYS = ['web', 'websocket', 'rest', 'redshiftData', 'dynamodb', 'cognito', 'eventbridge', 'apiGatewayManagement', 'userPoolId', 'userPoolClientId', 'region'];
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'redwire-cloud-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('startLocalCloud', () => {
  it('writes endpoints.json with exactly the documented keys and serves the placeholder page and config.json', async () => {
    const cloud = await startTestCloud({ stateDir: tempDir(), webDistDir: join(tempDir(), 'no-dist') });
    try {
      const written = JSON.parse(readFileSync(join(cloud.stateDir, 'endpoints.json'), 'utf8')) as Record<string, string>;
      expect(Object.keys(written).sort()).toEqual([...ENDPOINT_KEYS].sort());
      expect(written).toEqual(cloud.endpoints);
      expect(written['websocket']).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
      expect(written['userPoolId']).toMatch(/^local_/);
      const page = await (await fetch(written['web'] as string)).text();
      expect(page).toMatch(/not built yet/);
      expect(page).toContain('href="/_dev/mail"');
      expect(await (await fetch(`${written['web']}/config.json`)).json()).toMatchObject({ ...written, authFlow: 'USER_PASSWORD_AUTH' });
    } finally {
      await cloud.close();
    }
  });

  it('answers plain HTTP on the WebSocket port with 426 and writes to the web server with 405, and keeps serving', async () => {
    const cloud = await startTestCloud({ stateDir: tempDir() });
    try {
      const plain = await fetch(cloud.endpoints.websocket.replace('ws:', 'http:'));
      expect(plain.status).toBe(426);
      const post = await fetch(`${cloud.endpoints.web}/config.json`, { method: 'POST', body: 'x' });
      expect(post.status).toBe(405);
      expect((await fetch(`${cloud.endpoints.web}/_dev/mail.json`)).status).toBe(200);
    } finally {
      await cloud.close();
    }
  });

  it('serves the built web app with a fallback to index.html and refuses paths outside it', async () => {
    const dist = tempDir();
    writeFileSync(join(dist, 'index.html'), '<title>app</title>');
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'assets', 'app.js'), 'export {}');
    const cloud = await startTestCloud({ stateDir: tempDir(), webDistDir: dist });
    try {
      const js = await fetch(`${cloud.endpoints.web}/assets/app.js`);
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      expect(await (await fetch(`${cloud.endpoints.web}/reports/trips`)).text()).toBe('<title>app</title>');
      expect((await fetch(`${cloud.endpoints.web}/assets/missing.js`)).status).toBe(404);
      expect((await fetch(`${cloud.endpoints.web}/..%2f..%2f..%2fetc%2fpasswd`)).status).toBe(403);
      expect(await (await fetch(`${cloud.endpoints.web}/%2e%2e/%2e%2e/etc/passwd`)).text()).not.toContain('root:');
    } finally {
      await cloud.close();
    }
  });

  it('keeps users, their mail, table data and the pool across a restart on the same state dir', async () => {
    const stateDir = tempDir();
    const first = await startTestCloud({ stateDir });
    await signedInUser(first, 'kept@example.com');
    const code = await codeFor(first, 'kept@example.com');
    const put = new DynamoDBClient({ endpoint: first.endpoints.dynamodb });
    await put.send(new PutItemCommand({ TableName: first.tableNames[0], Item: { pk: { S: 'kept' }, sk: { S: 'x' } } }));
    put.destroy();
    const pool = first.endpoints.userPoolId;
    await first.close();

    const second = await startTestCloud({ stateDir });
    try {
      expect(second.endpoints.userPoolId).toBe(pool);
      expect(await codeFor(second, 'kept@example.com')).toBe(code);
      const cognito = cognitoClient(second);
      const auth = await cognito.send(new InitiateAuthCommand({ ClientId: second.endpoints.userPoolClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'kept@example.com', PASSWORD: GOOD_PASSWORD } }));
      expect(auth.AuthenticationResult?.IdToken).toEqual(expect.any(String));
      cognito.destroy();
      const get = new DynamoDBClient({ endpoint: second.endpoints.dynamodb });
      expect((await get.send(new GetItemCommand({ TableName: second.tableNames[0], Key: { pk: { S: 'kept' }, sk: { S: 'x' } } }))).Item).toBeDefined();
      get.destroy();
    } finally {
      await second.close();
    }
  });

  it('names the variable when a port is taken, and leaves nothing listening', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const port = (blocker.address() as { port: number }).port;
    const error = await startTestCloud({ stateDir: tempDir(), ports: { ...ephemeralPorts(), rest: port } }).catch((e: unknown) => e);
    blocker.close();
    expect(error).toBeInstanceOf(PortInUseError);
    expect((error as Error).message).toMatch(new RegExp(`Port ${port} for rest is already in use.*REDWIRE_REST_PORT`));
  });

  it('starts although handlers are missing, and names them', async () => {
    const cloud = await startTestCloud({ stateDir: tempDir() });
    try {
      expect(cloud.unavailableFunctions).toEqual(['ws-not-written', 'http-not-written']);
    } finally {
      await cloud.close();
    }
  });

  it('closes a connection at the maximum duration (1001) even while it is active', async () => {
    const cloud = await startTestCloud({ stateDir: tempDir(), websocketLimits: { maxConnectionMs: 500, idleTimeoutMs: 10_000 } });
    try {
      const { connect } = await import('./support/ws-client.js');
      const client = await connect(`${cloud.endpoints.websocket}?token=x`);
      const started = Date.now();
      const pinger = setInterval(() => client.socket.send('{"action":"submit"}'), 100);
      const { code } = await client.closed;
      clearInterval(pinger);
      expect(code).toBe(1001);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    } finally {
      await cloud.close();
    }
  });

  it('shuts down within 2 s with open WebSocket clients and keep-alive HTTP clients', async () => {
    const cloud = await startTestCloud({ stateDir: tempDir() });
    const { connect } = await import('./support/ws-client.js');
    const sockets = await Promise.all([1, 2, 3].map(() => connect(`${cloud.endpoints.websocket}?token=x`)));
    const dynamo = new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb });
    await dynamo.send(new GetItemCommand({ TableName: cloud.tableNames[0], Key: { pk: { S: 'a' }, sk: { S: 'b' } } }));
    const started = Date.now();
    await cloud.close();
    expect(Date.now() - started).toBeLessThan(2000);
    await Promise.all(sockets.map((s) => s.closed));
    dynamo.destroy();
    expect(existsSync(join(cloud.stateDir, 'endpoints.json'))).toBe(true);
  });
});
