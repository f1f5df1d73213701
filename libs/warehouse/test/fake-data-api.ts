import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RedshiftDataClient } from '@aws-sdk/client-redshift-data';

/** An answer: raw JSON text (so tests can send numbers JSON.stringify cannot write) and a status. */
export interface FakeAnswer {
  readonly status?: number;
  readonly json: string;
}

export type FakeOperation = (input: Record<string, unknown>) => FakeAnswer;

/**
 * A minimal awsJson1_1 endpoint on 127.0.0.1 for unit tests of request shaping and error mapping
 * with the real SDK client. The behaviour of the real Data API is tested in tools/e2e against
 * the local cloud's stand-in.
 */
export async function startFakeDataApi(operations: Record<string, FakeOperation>) {
  const requests: { operation: string; input: Record<string, unknown> }[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const operation = String(request.headers['x-amz-target']).replace('RedshiftData.', '');
      const input = JSON.parse(body || '{}') as Record<string, unknown>;
      requests.push({ operation, input });
      const handler = operations[operation];
      const answer = handler ? handler(input) : { status: 400, json: JSON.stringify({ __type: 'UnknownOperationException', message: operation }) };
      response.writeHead(answer.status ?? 200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(answer.json);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new RedshiftDataClient({
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  return {
    client,
    requests,
    close: async () => {
      client.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export function awsError(type: string, message: string, status = 400): FakeAnswer {
  return { status, json: JSON.stringify({ __type: type, message }) };
}
