import { createHmac, timingSafeEqual } from 'node:crypto';
import { WarehouseError } from './warehouse-error.js';

/** Where the next Redwire page starts: a Data API page (its NextToken, none = the first) and a row offset inside it. */
export interface ResultPosition {
  readonly nextToken?: string;
  readonly offset: number;
}

const VERSION = 1;

/**
 * Opaque, URL-safe cursors: `base64url(json).base64url(hmac-sha256)`. The MAC covers the
 * statement id too, so a cursor minted for one statement is refused for every other one,
 * and any change to the payload is detected.
 */
export class ResultCursors {
  constructor(private readonly secret: string) {
    if (secret.length < 32) throw new Error('the cursor secret must be at least 32 characters');
  }

  sign(statementId: string, position: ResultPosition): string {
    const payload = Buffer.from(JSON.stringify({ v: VERSION, t: position.nextToken, o: position.offset })).toString('base64url');
    return `${payload}.${this.mac(statementId, payload)}`;
  }

  /** The position in `cursor`, or `invalid_cursor` when it is malformed, forged, or another statement's. */
  verify(statementId: string, cursor: string): ResultPosition {
    const [payload, mac, ...rest] = cursor.split('.');
    if (!payload || !mac || rest.length > 0) throw invalid();
    const expected = Buffer.from(this.mac(statementId, payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { v?: unknown; t?: unknown; o?: unknown };
    if (decoded.v !== VERSION || !Number.isSafeInteger(decoded.o) || (decoded.o as number) < 0) throw invalid();
    if (decoded.t !== undefined && typeof decoded.t !== 'string') throw invalid();
    return decoded.t === undefined ? { offset: decoded.o as number } : { nextToken: decoded.t, offset: decoded.o as number };
  }

  private mac(statementId: string, payload: string): string {
    return createHmac('sha256', this.secret).update(`${statementId}\n${payload}`).digest('base64url');
  }
}

function invalid(): WarehouseError {
  return new WarehouseError('invalid_cursor', 'the result cursor is not valid for this statement');
}
