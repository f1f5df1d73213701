import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes one JSON line per event with the correlation fields', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({ requestId: 'r-1', connectionId: 'c-1' }, { destination, env: {} });
    logger.child({ statementId: 's-1', userId: 'u-1' }).info({ rowCount: 31 }, 'statement finished');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      msg: 'statement finished',
      requestId: 'r-1',
      connectionId: 'c-1',
      statementId: 's-1',
      userId: 'u-1',
      rowCount: 31,
    });
    expect(typeof lines[0]?.['time']).toBe('string');
  });

  it('redacts tokens, passwords, authorization headers and cookies', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({}, { destination, level: 'info' });
    logger.info({ token: 'eyJ.secret', headers: { authorization: 'Bearer eyJ.secret', cookie: 'a=b' }, body: { user: { password: 'hunter2' } } }, 'event');
    await new Promise((resolve) => setImmediate(resolve));
    const text = JSON.stringify(lines);
    expect(text).not.toContain('eyJ.secret');
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('a=b');
    expect(lines[0]).toMatchObject({ token: '[redacted]', headers: { authorization: '[redacted]' } });
  });

  it('takes its level from REDWIRE_LOG_LEVEL', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({}, { destination, env: { REDWIRE_LOG_LEVEL: 'warn' } });
    logger.info('hidden');
    logger.warn('shown');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((l) => l['msg'])).toEqual(['shown']);
  });
});
