import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DeadLetter } from '../src/index.js';
import { clearRecorded, recorded } from './fixtures/recorder.js';
import { aws, awsCliPath } from './support/aws-cli.js';
import { startTestCloud, type TestCloud } from './support/test-cloud.js';

describe('EventBridge', () => {
  let cloud: TestCloud;
  let client: EventBridgeClient;
  const deadLetters: DeadLetter[] = [];
  const entry = (detail: object, Source = 'test.app') => ({ Source, DetailType: 'Test Happened', Detail: JSON.stringify(detail) });

  beforeAll(async () => {
    cloud = await startTestCloud({ onDeadLetter: (letter) => deadLetters.push(letter) });
    client = new EventBridgeClient({ endpoint: cloud.endpoints.eventbridge });
  });
  afterAll(async () => {
    client.destroy();
    await cloud.dispose();
  });
  beforeEach(() => {
    clearRecorded();
    cloud.bus.duplicateDelivery = false;
  });

  it('accepts PutEvents from the SDK and delivers matching events to the rule target', async () => {
    const out = await client.send(new PutEventsCommand({ Entries: [entry({ kind: 'ok-1', size: 10, tag: 'a' })] }));
    expect(out.FailedEntryCount).toBe(0);
    await cloud.bus.idle();
    const delivered = recorded('on-event');
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.event).toMatchObject({ version: '0', id: out.Entries?.[0]?.EventId, source: 'test.app', 'detail-type': 'Test Happened', account: '000000000000', region: 'us-east-1', detail: { kind: 'ok-1' } });
    expect(String(delivered[0]?.event['time'])).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it.each([
    ['a prefix that does not match', { kind: 'nope', size: 10, tag: 'a' }],
    ['a number below the numeric range', { kind: 'ok', size: 9, tag: 'a' }],
    ['a value anything-but excludes', { kind: 'ok', size: 10, tag: 'skip' }],
    ['a missing field', { kind: 'ok', size: 10 }],
  ])('does not deliver an event with %s', async (_label, detail) => {
    await client.send(new PutEventsCommand({ Entries: [entry(detail)] }));
    await cloud.bus.idle();
    expect(recorded('on-event')).toHaveLength(0);
  });

  it("routes Redwire's statement-status events (libs/system rule) and nothing else", async () => {
    const status = (statementName: string, state: string) =>
      cloud.bus.publish({ source: 'aws.redshift-data', 'detail-type': 'Redshift Data Statement Status Change', detail: { statementName, state, statementId: 's1' } });
    status('redwire:trips:k1', 'FINISHED');
    status('other:trips:k1', 'FINISHED');
    status('redwire:trips:k2', 'STARTED');
    await cloud.bus.idle();
    expect(recorded('on-event').map((r) => (r.event['detail'] as { statementName: string }).statementName)).toEqual(['redwire:trips:k1']);
  });

  it('delivers every event twice when the test switch is on', async () => {
    cloud.bus.duplicateDelivery = true;
    await client.send(new PutEventsCommand({ Entries: [entry({ kind: 'ok-twice', size: 11, tag: 'b' })] }));
    await cloud.bus.idle();
    const ids = recorded('on-event').map((r) => r.event['id']);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('retries a failing target (at least once) and dead-letters it when retries run out', async () => {
    await client.send(new PutEventsCommand({ Entries: [entry({}, 'test.flaky')] }));
    await cloud.bus.idle();
    expect(recorded('flaky')).toHaveLength(3);
    expect(deadLetters).toHaveLength(0);
    await client.send(new PutEventsCommand({ Entries: [entry({ mode: 'always-fail' }, 'test.flaky')] }));
    await cloud.bus.idle();
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ target: 'flaky', rule: 'flaky-rule', attempts: 3, error: 'attempt 3 failed' });
  });

  it('fires a rate(1 minute) schedule on demand with a Scheduled Event', async () => {
    cloud.bus.fireSchedule('test-schedule');
    await cloud.bus.idle();
    expect(recorded('on-schedule')[0]?.event).toMatchObject({ source: 'aws.events', 'detail-type': 'Scheduled Event', resources: ['arn:aws:events:us-east-1:000000000000:rule/test-schedule'], detail: {} });
  });

  it('reports bad entries per entry and bad requests with AWS errors, and keeps serving', async () => {
    const out = await client.send(
      new PutEventsCommand({
        Entries: [
          { Source: 'test.app', DetailType: 'x', Detail: 'not json' },
          { Source: 'test.app', Detail: '{}' },
          { ...entry({}), EventBusName: 'other-bus' },
          entry({ kind: 'ok-mixed', size: 12, tag: 'c' }),
        ],
      }),
    );
    expect(out.FailedEntryCount).toBe(3);
    expect(out.Entries?.map((e) => e.ErrorCode ?? 'ok')).toEqual(['MalformedDetail', 'InvalidArgument', 'InvalidArgument', 'ok']);
    await expect(client.send(new PutEventsCommand({ Entries: [] }))).rejects.toMatchObject({ name: 'ValidationException' });
    const wrongOp = await fetch(cloud.endpoints.eventbridge, { method: 'POST', headers: { 'x-amz-target': 'AWSEvents.DeleteRule' }, body: '{}' });
    expect(await wrongOp.json()).toMatchObject({ __type: 'UnknownOperationException' });
    const garbage = await fetch(cloud.endpoints.eventbridge, { method: 'POST', headers: { 'x-amz-target': 'AWSEvents.PutEvents' }, body: '][' });
    expect(garbage.status).toBe(400);
    await cloud.bus.idle();
    expect(recorded('on-event')).toHaveLength(1);
  });

  it('is reached by a client without an endpoint through AWS_ENDPOINT_URL_EVENTBRIDGE', async () => {
    const plain = new EventBridgeClient({});
    const out = await plain.send(new PutEventsCommand({ Entries: [entry({ kind: 'ok-env', size: 50, tag: 'env' })] }));
    plain.destroy();
    expect(out.FailedEntryCount).toBe(0);
    await cloud.bus.idle();
    expect(recorded('on-event')[0]?.event).toMatchObject({ detail: { kind: 'ok-env' } });
  });

  it.skipIf(!awsCliPath)('accepts aws events put-events from the Debian AWS CLI', async () => {
    const result = await aws(['events', 'put-events', '--entries', JSON.stringify([entry({ kind: 'ok-cli', size: 99, tag: 'cli' })])], cloud.endpoints.eventbridge);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout)).toMatchObject({ FailedEntryCount: 0 });
    await cloud.bus.idle();
    expect(recorded('on-event')[0]?.event).toMatchObject({ detail: { kind: 'ok-cli' } });
  });
});
