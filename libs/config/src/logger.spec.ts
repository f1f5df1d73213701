import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { createLogger, type Logger } from './logger.js';

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

  it('censors secrets at any depth, in bindings too', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({ token: 'bound.secret' }, { destination, level: 'info' }).child({ nested: { cookie: 'child-cookie' } });
    logger.info({ a: { b: { c: { d: { password: 'deep-secret' } } } }, list: [{ accessToken: 'in-array' }] }, 'deep');
    const text = JSON.stringify(lines);
    for (const secret of ['bound.secret', 'child-cookie', 'deep-secret', 'in-array']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ token: '[redacted]', nested: { cookie: '[redacted]' }, list: [{ accessToken: '[redacted]' }] });
  });

  it('serializes errors under err with type, message, stack, properties and cause', () => {
    const { lines, destination } = capture();
    const logger = createLogger({}, { destination, level: 'info' });
    class ThrottledError extends Error {
      readonly code = 'Throttled';
      readonly secret = 'error-secret';
    }
    const error = new ThrottledError('slow down', { cause: new Error('root cause') });
    logger.error({ err: error, statementId: 's-1' }, 'posting failed');
    logger.error(new Error('bare error'));
    expect(lines[0]).toMatchObject({
      level: 'error',
      msg: 'posting failed',
      statementId: 's-1',
      err: { type: 'ThrottledError', message: 'slow down', code: 'Throttled', secret: '[redacted]', cause: { type: 'Error', message: 'root cause' } },
    });
    expect((lines[0]?.['err'] as { stack?: string }).stack).toContain('Error: slow down');
    expect(lines[1]).toMatchObject({ level: 'error', msg: 'bare error', err: { type: 'Error', message: 'bare error' } });
  });

  it('never throws on what JSON cannot hold (cycles, bigints)', () => {
    const { lines, destination } = capture();
    const logger = createLogger({}, { destination, level: 'info' });
    const cyclic: Record<string, unknown> = { name: 'loop' };
    cyclic['self'] = cyclic;
    expect(() => logger.info({ cyclic, rows: 12_000_000_000_000_000_001n, skipped: undefined }, 'odd values')).not.toThrow();
    expect(lines[0]).toMatchObject({ msg: 'odd values', cyclic: { name: 'loop', self: '[Circular]' }, rows: '12000000000000000001' });
    expect(lines[0]).not.toHaveProperty('skipped');
  });

  it('writes lines in pino\'s shape: level label, ISO time, bindings of every child, then fields and msg', () => {
    const written: string[] = [];
    const logger = createLogger({ function: 'notify' }, { destination: { write: (line: string) => written.push(line) }, level: 'debug' }).child({ requestId: 'r-1' }).child({ statementId: 's-1' });
    logger.debug({ n: 1 }, 'a');
    logger.trace('not at debug');
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/^\{"level":"debug","time":"\d{4}-\d\d-\d\dT[\d:.]+Z","function":"notify","requestId":"r-1","statementId":"s-1","n":1,"msg":"a"\}\n$/);
  });

  it('writes nothing at level silent', () => {
    const written: string[] = [];
    const logger = createLogger({}, { destination: { write: (line: string) => written.push(line) }, level: 'silent' });
    logger.fatal('nothing');
    logger.error({ err: new Error('x') }, 'nothing');
    expect(written).toEqual([]);
    expect(logger.level).toBe('silent');
  });

  it('accepts a pino logger wherever a Logger is expected (the local cloud and tests pass one)', () => {
    const logger: Logger = pino({ level: 'silent' });
    expect(logger.child({ statementId: 's-1' }).level).toBe('silent');
  });
});
