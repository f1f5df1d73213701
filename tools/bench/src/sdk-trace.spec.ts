import { createServer, request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationOf, SdkTrace } from './sdk-trace.js';

let server: Server;
let port = 0;
beforeAll(async () => {
  server = createServer((_req, res) => res.end('{}'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const call = (path: string, headers: Record<string, string> = {}, method = 'POST') =>
  new Promise<void>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => res.resume().on('end', resolve));
    req.on('error', reject);
    req.end();
  });

describe('SdkTrace', () => {
  it('attributes requests made inside an invocation to its function, per invocation and operation', async () => {
    const trace = new SdkTrace();
    try {
      await trace.invoke('notify', async () => call('/', { 'x-amz-target': 'DynamoDB_20120810.GetItem' })); // not started: not counted
      trace.start();
      await call('/', { 'x-amz-target': 'DynamoDB_20120810.GetItem' }); // outside any invocation: not counted
      for (let i = 0; i < 2; i += 1) {
        await trace.invoke('notify', async () => {
          await call('/', { 'x-amz-target': 'DynamoDB_20120810.GetItem' });
          await call('/@connections/abc');
        });
      }
      await trace.invoke('notify', async () => call('/', { 'x-amz-target': 'RedshiftData.DescribeStatement' }));
      expect(trace.perInvocation()).toEqual({
        notify: { invocations: 3, callsPerInvocation: 1.67, byOperation: { DescribeStatement: 0.33, GetItem: 0.67, PostToConnection: 0.67 } },
      });
      trace.reset();
      trace.stop();
      await trace.invoke('notify', async () => call('/@connections/abc'));
      expect(trace.perInvocation()).toEqual({});
    } finally {
      trace.close();
    }
  });

  it('names @connections calls and other paths without a target header', () => {
    const header = () => undefined;
    expect(operationOf({ method: 'POST', path: '/@connections/abc%3D', getHeader: header })).toBe('PostToConnection');
    expect(operationOf({ method: 'DELETE', path: '/@connections/abc', getHeader: header })).toBe('DeleteConnection');
    expect(operationOf({ method: 'GET', path: '/x/y?z=1', getHeader: header })).toBe('GET /x/y');
  });
});
