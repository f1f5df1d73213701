import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// eslint-disable-next-line @nx/enforce-module-boundaries
import type { DeadLetter } from '@redwire/local-cloud';
import { startFlowCloud, type FlowCloud } from './support/flow-cloud.js';
import { FlowSocket, ofType } from './support/flow-socket.js';
import { signUpAndSignIn } from './support/users.js';

const letters: DeadLetter[] = [];
let flow: FlowCloud;

beforeAll(async () => {
  flow = await startFlowCloud({
    warehouseOptions: { enableTestFunctions: true },
    delivery: { retries: 2, backoffMs: 50 },
    onDeadLetter: (letter) => letters.push(letter),
  });
}, 120_000);

afterAll(() => flow?.close());

describe('notify failures', () => {
  it('are retried and then dead-lettered when the registry is unreachable', async () => {
    const user = await signUpAndSignIn(flow.cloud, 'erin');
    const socket = await FlowSocket.open(flow.cloud.endpoints.websocket, user.idToken);
    socket.send({ action: 'submit', requestId: 'doomed', topic: 't', report: 'test-slow-report', params: { ms: 1500 } });
    const statementId = (await socket.next(ofType('accepted')))['statementId'];
    // The registry goes away while the statement runs: notify cannot read the subscription.
    const dynamo = new DynamoDBClient({ endpoint: flow.cloud.endpoints.dynamodb, region: flow.cloud.endpoints.region, credentials: { accessKeyId: 'l', secretAccessKey: 'l' } });
    await dynamo.send(new DeleteTableCommand({ TableName: flow.cloud.tableNames[0] }));
    dynamo.destroy();
    const deadline = Date.now() + 20_000;
    while (letters.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ target: 'notify', rule: 'statement-status', attempts: 3 });
    expect(letters[0]?.event.detail).toMatchObject({ statementId, state: 'FINISHED' });
    await socket.close();
  }, 40_000);
});
