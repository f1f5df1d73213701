import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_ROWS, startFlowCloud, type FlowCloud } from './support/flow-cloud.js';

let flow: FlowCloud;

beforeAll(async () => {
  flow = await startFlowCloud();
}, 120_000);

afterAll(() => flow?.close());

describe('setup-warehouse against the Data API stand-in', () => {
  it('runs sql/setup again without harm and never reloads a table that holds data', async () => {
    // The handler reads the environment the local cloud gave its functions when it loads (a cold start).
    // eslint-disable-next-line @nx/enforce-module-boundaries
    const { handler } = await import('../../../../apps/setup-warehouse/src/main.js');
    expect(await handler()).toEqual({ statements: 1, rowsBefore: SAMPLE_ROWS, loaded: false });
    expect(await handler()).toEqual({ statements: 1, rowsBefore: SAMPLE_ROWS, loaded: false });
  }, 30_000);
});
