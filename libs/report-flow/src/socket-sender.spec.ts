import { PostToConnectionCommand } from '@aws-sdk/client-apigatewaymanagementapi';
import { serverMessages } from '@redwire/protocol';
import { describe, expect, it } from 'vitest';
import { createSocketSender } from './socket-sender.js';

function clientAnswering(error?: Error) {
  const sent: PostToConnectionCommand[] = [];
  return {
    sent,
    client: {
      send: async (command: PostToConnectionCommand) => {
        sent.push(command);
        if (error) throw error;
        return {};
      },
    } as unknown as Parameters<typeof createSocketSender>[0],
  };
}

const httpError = (name: string, status: number) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } });

describe('socket sender', () => {
  it('posts the strictly serialized message to the connection', async () => {
    const { client, sent } = clientAnswering();
    expect(await createSocketSender(client).send('conn-1', serverMessages.pong())).toBe('sent');
    expect(sent[0]?.input.ConnectionId).toBe('conn-1');
    expect(new TextDecoder().decode(sent[0]?.input.Data as Uint8Array)).toBe('{"type":"pong"}');
  });

  it('reports a 410 GoneException as gone instead of throwing', async () => {
    const { client } = clientAnswering(httpError('GoneException', 410));
    expect(await createSocketSender(client).send('conn-1', serverMessages.pong())).toBe('gone');
  });

  it('throws other failures (throttling, payload too large) to the caller', async () => {
    const { client } = clientAnswering(httpError('LimitExceededException', 429));
    await expect(createSocketSender(client).send('conn-1', serverMessages.pong())).rejects.toThrow('LimitExceededException');
  });
});
