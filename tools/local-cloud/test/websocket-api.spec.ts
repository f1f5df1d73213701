import { GetItemCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { clearRecorded, eventually, recorded } from './fixtures/recorder.js';
import { startTestCloud, type TestCloud } from './support/test-cloud.js';
import { connect, refusal } from './support/ws-client.js';

describe('WebSocket API', () => {
  let cloud: TestCloud;
  const url = (token?: string, extra = '') => `${cloud.endpoints.websocket}/local${token === undefined ? '' : `?token=${token}`}${extra}`;

  beforeAll(async () => {
    cloud = await startTestCloud({ websocketLimits: { idleTimeoutMs: 400 } });
  });
  afterAll(() => cloud.dispose());
  beforeEach(() => clearRecorded());

  describe('$connect', () => {
    it('refuses a connection without a token with 401 and never calls the authorizer', async () => {
      expect(await refusal(url())).toMatchObject({ status: 401 });
      expect(recorded('authorizer')).toHaveLength(0);
      expect(recorded('connect')).toHaveLength(0);
    });

    it('refuses with 401 when the authorizer throws Unauthorized', async () => {
      expect((await refusal(url('unauthorized'))).status).toBe(401);
      expect(recorded('authorizer')).toHaveLength(1);
      expect(recorded('connect')).toHaveLength(0);
    });

    it('refuses with 403 on a Deny policy, before the upgrade', async () => {
      const { status, body } = await refusal(url('deny'));
      expect(status).toBe(403);
      expect(body).toMatch(/explicit deny/);
      expect(recorded('connect')).toHaveLength(0);
    });

    it('answers 500 when the authorizer crashes or returns an object in its context', async () => {
      expect((await refusal(url('crash'))).status).toBe(500);
      expect((await refusal(url('object-context'))).status).toBe(500);
    });

    it('refuses with the status the $connect route returns', async () => {
      expect((await refusal(url('ok', '&refuse=yes'))).status).toBe(403);
    });

    it('gives the authorizer an API Gateway REQUEST event', async () => {
      const client = await connect(url('ana'));
      client.socket.close();
      const event = recorded('authorizer')[0]?.event ?? {};
      expect(event).toMatchObject({ type: 'REQUEST', queryStringParameters: { token: 'ana' }, requestContext: { routeKey: '$connect', eventType: 'CONNECT', stage: 'local' } });
      expect(event['methodArn']).toMatch(/^arn:aws:execute-api:us-east-1:\d{12}:local\/local\/\$connect$/);
    });
  });

  describe('routes', () => {
    let client: Awaited<ReturnType<typeof connect>>;
    beforeAll(async () => {
      client = await connect(url('ana'));
    });
    afterAll(() => client.socket.close());

    it('routes on body.action and passes the authorizer context (strings, numbers, booleans) to the route', async () => {
      client.socket.send(JSON.stringify({ action: 'submit', n: 1 }));
      const reply = JSON.parse(await client.next());
      expect(reply).toMatchObject({ routeKey: 'submit', eventType: 'MESSAGE', authorizer: { principalId: 'user-1', sub: 'sub-ana', level: 3, admin: false } });
      const event = (recorded('echo')[0]?.event ?? {}) as { requestContext: Record<string, unknown>; isBase64Encoded: boolean };
      expect(event['requestContext']).toMatchObject({ connectionId: expect.any(String), domainName: expect.stringMatching(/^127\.0\.0\.1:\d+$/), stage: 'local', messageId: expect.any(String), identity: { sourceIp: '127.0.0.1' } });
      expect(typeof event.requestContext['connectedAt']).toBe('number');
      expect(typeof event.requestContext['requestTimeEpoch']).toBe('number');
      expect(event['isBase64Encoded']).toBe(false);
    });

    it.each([
      ['a message that is not JSON', 'hello there'],
      ['an unknown action', JSON.stringify({ action: 'dance' })],
      ['JSON without action', JSON.stringify({ foo: 1 })],
      ['an action naming a predefined route', JSON.stringify({ action: '$connect' })],
    ])('sends %s to $default', async (_label, body) => {
      client.socket.send(body);
      expect(JSON.parse(await client.next())).toMatchObject({ routeKey: '$default', body });
    });

    it('answers "Internal server error" on the socket when the route handler fails, and keeps the connection', async () => {
      client.socket.send(JSON.stringify({ action: 'submit', explode: true }));
      expect(JSON.parse(await client.next())).toMatchObject({ message: 'Internal server error', connectionId: expect.any(String) });
      client.socket.send(JSON.stringify({ action: 'submit' }));
      expect(JSON.parse(await client.next())).toMatchObject({ routeKey: 'submit' });
    });

    it('answers "Internal server error" for a route whose handler is not written yet', async () => {
      client.socket.send(JSON.stringify({ action: 'cancel' }));
      expect(JSON.parse(await client.next())).toMatchObject({ message: 'Internal server error' });
      expect(cloud.unavailableFunctions).toContain('ws-not-written');
    });
  });

  describe('limits', () => {
    it('closes with 1009 when a frame is larger than 32 KB', async () => {
      const client = await connect(url('ana'));
      client.socket.send('x'.repeat(32 * 1024 + 1));
      expect((await client.closed).code).toBe(1009);
      expect(recorded('echo')).toHaveLength(0);
    });

    it('accepts a 100 KB message sent in frames of 32 KB or less', async () => {
      const client = await connect(url('ana'));
      const body = JSON.stringify({ action: 'submit', pad: 'y'.repeat(100 * 1024) });
      for (let offset = 0; offset < body.length; offset += 32 * 1024) {
        client.socket.send(body.slice(offset, offset + 32 * 1024), { fin: offset + 32 * 1024 >= body.length });
      }
      const reply = JSON.parse(await client.next()) as { routeKey: string; body: string };
      expect(reply.routeKey).toBe('submit');
      expect(reply.body).toHaveLength(body.length);
      client.socket.close();
    });

    it('closes with 1009 when a message is larger than 128 KB even in small frames', async () => {
      const client = await connect(url('ana'));
      const chunk = 'z'.repeat(16 * 1024);
      for (let i = 0; i < 9; i += 1) client.socket.send(chunk, { fin: i === 8 });
      expect((await client.closed).code).toBe(1009);
    });

    it('closes an idle connection (1001) and runs $disconnect, which reaches DynamoDB via AWS_ENDPOINT_URL_DYNAMODB', async () => {
      const client = await connect(url('ana'));
      const started = Date.now();
      const { code } = await client.closed;
      expect(code).toBe(1001);
      expect(Date.now() - started).toBeGreaterThanOrEqual(350);
      const { event } = await eventually(() => recorded('disconnect')[0]);
      const connectionId = (event['requestContext'] as { connectionId: string }).connectionId;
      const dynamo = new DynamoDBClient({ endpoint: cloud.endpoints.dynamodb });
      const stored = await eventually(async () => (await dynamo.send(new GetItemCommand({ TableName: cloud.tableNames[0], Key: { pk: { S: `disconnected#${connectionId}` }, sk: { S: 'x' } } }))).Item);
      expect(stored['code']).toEqual({ N: '1001' });
    });

    it('keeps a connection that stays active past the idle timeout', async () => {
      const client = await connect(url('ana'));
      for (let i = 0; i < 4; i += 1) {
        await new Promise((r) => setTimeout(r, 200));
        client.socket.send(JSON.stringify({ action: 'submit', i }));
        await client.next();
      }
      expect(client.socket.readyState).toBe(WebSocket.OPEN);
      client.socket.close();
    });
  });
});
