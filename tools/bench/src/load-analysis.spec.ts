import { describe, expect, it } from 'vitest';
import { e2eOverhead, failures, pushBreakdown, summarize, timeToKnow } from './load-analysis.js';
import type { RunSample } from './load-protocol.js';

const run = (over: Partial<RunSample>): RunSample => ({ mode: 'push', sentAt: 1000, outcome: 'completed', ...over });

describe('timeToKnow', () => {
  it('measures from the stand-in’s final time to when the client knew, per mode', () => {
    const runs = [
      run({ statementId: 'a', knownAt: 1012.5 }),
      run({ statementId: 'b', knownAt: 1600, mode: 'poll' }),
      run({ statementId: 'c', knownAt: 1003 }),
    ];
    const finalAt = new Map([['a', 1010], ['b', 1011], ['c', 1001]]);
    expect(timeToKnow(runs, 'push', finalAt)).toEqual([2.5, 2]);
    expect(timeToKnow(runs, 'poll', finalAt)).toEqual([589]);
  });

  it('skips runs that failed or whose final time the stand-in never published', () => {
    const runs = [run({ statementId: 'a', knownAt: 1012, outcome: 'failed' }), run({ statementId: 'zz', knownAt: 1012 })];
    expect(timeToKnow(runs, 'push', new Map([['a', 1000]]))).toEqual([]);
  });
});

describe('e2eOverhead', () => {
  it('subtracts each statement’s own engine time from submit → first rows', () => {
    const runs = [run({ mode: 'fetch', statementId: 'a', sentAt: 100, firstRowsAt: 130 }), run({ mode: 'fetch', statementId: 'b', sentAt: 100 })];
    expect(e2eOverhead(runs, new Map([['a', 4], ['b', 1]]))).toEqual([26]);
  });
});

describe('failures and summarize', () => {
  it('counts failed runs by outcome and keeps the first detail', () => {
    const runs = [run({}), run({ outcome: 'error', detail: 'limit' }), run({ outcome: 'error', detail: 'other' }), run({ outcome: 'lost' })];
    expect(failures(runs)).toEqual({ error: { count: 2, first: 'limit' }, lost: { count: 1 } });
  });

  it('summarizes p50, p99 and max', () => {
    const s = summarize(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(s).toEqual({ count: 200, p50: 100, p99: 198, max: 200 });
  });
});

describe('pushBreakdown', () => {
  it('splits push latency into event delivery, notify itself, and the hop to the client; polls are left out', () => {
    const runs = [run({ statementId: 'a', knownAt: 1009 }), run({ statementId: 'b', knownAt: 2000, mode: 'poll' })];
    const finalAt = new Map([['a', 1000], ['b', 1000]]);
    const notifyTimes = new Map([['a', { start: 1001, end: 1010 }], ['b', { start: 1001, end: 1010 }]]);
    expect(pushBreakdown(runs, finalAt, notifyTimes)).toEqual({ toNotify: [1], inNotify: [9], afterNotify: [-1] });
  });
});
