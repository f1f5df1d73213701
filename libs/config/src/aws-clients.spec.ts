import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { CancelStatementCommand } from '@aws-sdk/client-redshift-data';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { dynamoDbClient, dynamoDbDocumentClient, redshiftDataClient, resetAwsClients } from './aws-clients.js';
import { ConfigError } from './parse-env.js';

/** A tiny stand-in that records which service operation reached it. */
let server: Server;
let url = '';
const targets: string[] = [];

beforeAll(async () => {
  server = createServer((request: IncomingMessage, response) => {
    request.resume();
    request.on('end', () => {
      const target = String(request.headers['x-amz-target']);
      targets.push(target);
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      response.end(target.startsWith('DynamoDB') ? '{"TableNames":["from-stand-in"]}' : '{"Status":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

afterEach(() => {
  resetAwsClients();
  vi.unstubAllEnvs();
  targets.length = 0;
});

function stubAws(extra: Record<string, string>): void {
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'local');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local');
  for (const [name, value] of Object.entries(extra)) vi.stubEnv(name, value);
}

describe('shared AWS clients', () => {
  it('send DynamoDB calls to AWS_ENDPOINT_URL_DYNAMODB', async () => {
    stubAws({ AWS_ENDPOINT_URL_DYNAMODB: url });
    const output = await dynamoDbClient().send(new ListTablesCommand({}));
    expect(output.TableNames).toEqual(['from-stand-in']);
    expect(targets).toEqual(['DynamoDB_20120810.ListTables']);
  });

  it('send Data API calls to AWS_ENDPOINT_URL_REDSHIFT_DATA', async () => {
    stubAws({ AWS_ENDPOINT_URL_REDSHIFT_DATA: url });
    const output = await redshiftDataClient().send(new CancelStatementCommand({ Id: 'f1c1a2a4-0000-4000-8000-000000000001' }));
    expect(output.Status).toBe(true);
    expect(targets).toEqual(['RedshiftData.CancelStatement']);
  });

  it('are created once and reused', () => {
    stubAws({});
    expect(dynamoDbClient()).toBe(dynamoDbClient());
    expect(dynamoDbDocumentClient()).toBe(dynamoDbDocumentClient());
    expect(redshiftDataClient()).toBe(redshiftDataClient());
  });

  it('refuse to start without AWS_REGION', () => {
    expect(() => redshiftDataClient({})).toThrow(ConfigError);
    expect(() => redshiftDataClient({})).toThrow(/AWS_REGION is missing/);
  });
});
