import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GetConnectionCommand,
  GoneException,
  PayloadTooLargeException,
  PostToConnectionCommand,
} from '@aws-sdk/client-apigatewaymanagementapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFrameGuard } from '../src/apigateway/frame-guard.js';
import { eventually } from './fixtures/recorder.js';
import { aws, awsCliPath } from './support/aws-cli.js';
import { startTestCloud, type TestCloud } from './support/test-cloud.js';
import { connect, type TestSocket } from './support/ws-client.js';

describe('@connections management API', () => {
  let cloud: TestCloud;
  let sdk: ApiGatewayManagementApiClient;
  const idOf = async (client: TestSocket) => {
    client.socket.send(JSON.stringify({ action: 'submit' }));
    await client.next();
    return [...cloud.connections.all()].at(-1)?.id as string;
  };

  beforeAll(async () => {
    cloud = await startTestCloud();
    sdk = new ApiGatewayManagementApiClient({ endpoint: `${cloud.endpoints.apiGatewayManagement}/local` });
  });
  afterAll(async () => {
    sdk.destroy();
    await cloud.dispose();
  });

  it('posts data to a connection with the SDK', async () => {
    const client = await connect(`${cloud.endpoints.websocket}?token=ana`);
    const id = await idOf(client);
    await sdk.send(new PostToConnectionCommand({ ConnectionId: id, Data: '{"type":"completed"}' }));
    expect(await client.next()).toBe('{"type":"completed"}');
    client.socket.close();
  });

  it('delivers a 100 KB post whole, split into frames of at most 32 KB', async () => {
    const client = await connect(`${cloud.endpoints.websocket}?token=ana`);
    const id = await idOf(client);
    const frames: number[] = [];
    const raw = (client.socket as unknown as { _socket: import('node:net').Socket })._socket;
    raw.prependListener('data', createFrameGuard(0, (size) => frames.push(size), { keepGoing: true }));
    const data = 'q'.repeat(100 * 1024);
    await sdk.send(new PostToConnectionCommand({ ConnectionId: id, Data: data }));
    expect(await client.next()).toBe(data);
    expect(frames).toEqual([32 * 1024, 32 * 1024, 32 * 1024, 4 * 1024]);
    client.socket.close();
  });

  it('refuses data over 128 KB with PayloadTooLargeException (413) and keeps the connection', async () => {
    const client = await connect(`${cloud.endpoints.websocket}?token=ana`);
    const id = await idOf(client);
    const error = await sdk.send(new PostToConnectionCommand({ ConnectionId: id, Data: 'x'.repeat(128 * 1024 + 1) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PayloadTooLargeException);
    expect((error as PayloadTooLargeException).$metadata.httpStatusCode).toBe(413);
    await sdk.send(new PostToConnectionCommand({ ConnectionId: id, Data: 'still here' }));
    expect(await client.next()).toBe('still here');
    client.socket.close();
  });

  it('describes a connection: connectedAt, lastActiveAt, identity', async () => {
    const before = Date.now();
    const client = await connect(`${cloud.endpoints.websocket}?token=ana`);
    const id = await idOf(client);
    const described = await sdk.send(new GetConnectionCommand({ ConnectionId: id }));
    expect(described.ConnectedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(described.LastActiveAt?.getTime()).toBeGreaterThanOrEqual(described.ConnectedAt?.getTime() ?? Infinity);
    expect(described.Identity).toEqual({ SourceIp: '127.0.0.1', UserAgent: '' });
    client.socket.close();
  });

  it('deletes a connection (the client sees it close) and then answers 410 Gone', async () => {
    const client = await connect(`${cloud.endpoints.websocket}?token=ana`);
    const id = await idOf(client);
    const deleted = await sdk.send(new DeleteConnectionCommand({ ConnectionId: id }));
    expect(deleted.$metadata.httpStatusCode).toBe(204);
    await client.closed;
    await eventually(() => !cloud.connections.get(id));
    await expect(sdk.send(new PostToConnectionCommand({ ConnectionId: id, Data: 'x' }))).rejects.toBeInstanceOf(GoneException);
    await expect(sdk.send(new GetConnectionCommand({ ConnectionId: id }))).rejects.toBeInstanceOf(GoneException);
    await expect(sdk.send(new DeleteConnectionCommand({ ConnectionId: id }))).rejects.toBeInstanceOf(GoneException);
  });

  it('answers GoneException (410) for an id that never existed, odd characters included', async () => {
    for (const id of ['AAAAAAAAAAAAAAA=', 'a/b+c=', 'ü']) {
      const error = await sdk.send(new PostToConnectionCommand({ ConnectionId: id, Data: 'x' })).catch((e: unknown) => e);
      expect(error, id).toBeInstanceOf(GoneException);
      expect((error as GoneException).$metadata.httpStatusCode).toBe(410);
    }
  });

  it('refuses unsigned requests and unknown paths with ForbiddenException, then keeps serving', async () => {
    const unsigned = await fetch(`${cloud.endpoints.apiGatewayManagement}/@connections/abc`, { method: 'POST', body: 'x' });
    expect(unsigned.status).toBe(403);
    expect(unsigned.headers.get('x-amzn-errortype')).toBe('ForbiddenException');
    const unknown = await fetch(`${cloud.endpoints.apiGatewayManagement}/nothing/here`, { headers: { authorization: 'x' } });
    expect(unknown.status).toBe(403);
    expect(await unknown.json()).toEqual({ message: 'Missing Authentication Token' });
    await expect(sdk.send(new GetConnectionCommand({ ConnectionId: 'nope' }))).rejects.toBeInstanceOf(GoneException);
  });

  it('is reached by a client without an endpoint through AWS_ENDPOINT_URL_APIGATEWAYMANAGEMENTAPI', async () => {
    const client = await connect(`${cloud.endpoints.websocket}?token=ana`);
    const id = await idOf(client);
    const plain = new ApiGatewayManagementApiClient({});
    await plain.send(new PostToConnectionCommand({ ConnectionId: id, Data: 'via env' }));
    plain.destroy();
    expect(await client.next()).toBe('via env');
    client.socket.close();
  });

  it.skipIf(!awsCliPath)('works with the Debian AWS CLI: post-to-connection, get-connection, delete-connection, 410', async () => {
    const client = await connect(`${cloud.endpoints.websocket}?token=ana`);
    const id = await idOf(client);
    const endpoint = `${cloud.endpoints.apiGatewayManagement}/local`;
    const [post, got] = await Promise.all([
      aws(['apigatewaymanagementapi', 'post-to-connection', '--connection-id', id, '--data', 'from the cli', '--cli-binary-format', 'raw-in-base64-out'], endpoint),
      aws(['apigatewaymanagementapi', 'get-connection', '--connection-id', id], endpoint),
    ]);
    expect(post.stderr).toBe('');
    expect(await client.next()).toBe('from the cli');
    expect(JSON.parse(got.stdout)).toMatchObject({ Identity: { SourceIp: '127.0.0.1' } });
    const del = await aws(['apigatewaymanagementapi', 'delete-connection', '--connection-id', id], endpoint);
    expect(del.code).toBe(0);
    await client.closed;
    const gone = await aws(['apigatewaymanagementapi', 'post-to-connection', '--connection-id', id, '--data', 'x', '--cli-binary-format', 'raw-in-base64-out'], endpoint);
    expect(gone.code).not.toBe(0);
    expect(gone.stderr).toMatch(/GoneException/);
  });
});
