import { describe, expect, it } from 'vitest';
import { rewriteLargeLongValues } from './exact-integers.middleware.js';

describe('exact large integers in GetStatementResult text', () => {
  it('turns longValue fields beyond ±2^53 into exact stringValue fields', () => {
    expect(rewriteLargeLongValues('[{"longValue":9007199254740993},{"longValue": -9223372036854775808 }]')).toBe(
      '[{"stringValue":"9007199254740993"},{"stringValue":"-9223372036854775808"}]',
    );
  });

  it('leaves safe integers, other fields and text inside strings alone', () => {
    const json = '[{"longValue":9007199254740991},{"longValue":-5},{"doubleValue":12345678901234567890},{"stringValue":"{\\"longValue\\":12345678901234567890}"}]';
    expect(rewriteLargeLongValues(json)).toBe(json);
  });
});
