import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_HTTP_STATUS, errorDetailReaderSchema, errorDetailSchema, isErrorCode } from './errors.js';

describe('error codes', () => {
  it('includes the codes every part of the system relies on', () => {
    for (const code of ['invalid_message', 'invalid_params', 'report_not_found', 'forbidden', 'statement_not_found',
      'statement_expired', 'too_many_statements', 'message_too_large', 'unauthorized', 'not_found', 'result_too_large', 'internal']) {
      expect(isErrorCode(code)).toBe(true);
    }
  });

  it('does not recognise other strings or non-strings as codes', () => {
    expect(isErrorCode('Internal')).toBe(false);
    expect(isErrorCode('')).toBe(false);
    expect(isErrorCode(500)).toBe(false);
  });

  it('gives every code an HTTP status in the 4xx or 5xx range', () => {
    for (const code of ERROR_CODES) {
      expect(ERROR_HTTP_STATUS[code]).toBeGreaterThanOrEqual(400);
      expect(ERROR_HTTP_STATUS[code]).toBeLessThan(600);
    }
    expect(ERROR_HTTP_STATUS.unauthorized).toBe(401);
    expect(ERROR_HTTP_STATUS.internal).toBe(500);
  });
});

describe('error detail', () => {
  it('is written strictly: known code, non-empty bounded message, nothing else', () => {
    expect(errorDetailSchema.safeParse({ code: 'forbidden', message: 'Not allowed.' }).success).toBe(true);
    expect(errorDetailSchema.safeParse({ code: 'teapot', message: 'x' }).success).toBe(false);
    expect(errorDetailSchema.safeParse({ code: 'forbidden', message: '' }).success).toBe(false);
    expect(errorDetailSchema.safeParse({ code: 'forbidden', message: 'x'.repeat(501) }).success).toBe(false);
    expect(errorDetailSchema.safeParse({ code: 'forbidden', message: 'x', stack: 'at …' }).success).toBe(false);
  });

  it('is read leniently: a code from a newer server and extra fields survive', () => {
    const result = errorDetailReaderSchema.safeParse({ code: 'quota_exceeded', message: 'Later.', hint: 'new' });
    expect(result).toMatchObject({ success: true, data: { code: 'quota_exceeded', message: 'Later.' } });
  });
});
