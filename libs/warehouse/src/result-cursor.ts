import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { WarehouseError } from './warehouse-error.js';

/** Where the next Redwire page starts: a Data API page (its NextToken, none = the first) and a row offset inside it. */
export interface ResultPosition {
  readonly nextToken?: string;
  readonly offset: number;
}

/** Version 2: the MAC also covers the owner (version 1 covered the statement id and payload only). */
const VERSION = 2;

/**
 * Opaque, URL-safe cursors: `base64url(json).base64url(hmac-sha256)`. The MAC covers the
 * statement id and, when given, the owner (the user the cursor was issued to), so a cursor
 * minted for one statement or one user is refused for every other one, and any change to the
 * payload is detected. A cursor that verifies for (statement, owner) therefore proves that this
 * owner was shown an earlier page of this statement: results-api serves continuation pages on
 * that proof without looking the statement up again.
 */
export class ResultCursors {
  private readonly key: KeyObject;

  constructor(secret: string) {
    if (secret.length < 32) throw new Error('the cursor secret must be at least 32 characters');
    // One key object: createHmac with a string key imports the key again on every call.
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(statementId: string, position: ResultPosition, owner?: string): string {
    const payload = Buffer.from(JSON.stringify({ v: VERSION, t: position.nextToken, o: position.offset })).toString('base64url');
    return `${payload}.${this.mac(statementId, owner, payload)}`;
  }

  /** The position in `cursor`, or `invalid_cursor` when it is malformed, forged, another statement's or another owner's. */
  verify(statementId: string, cursor: string, owner?: string): ResultPosition {
    const [payload, mac, ...rest] = cursor.split('.');
    if (!payload || !mac || rest.length > 0) throw invalid();
    const expected = Buffer.from(this.mac(statementId, owner, payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw invalid();
    const decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { v?: unknown; t?: unknown; o?: unknown };
    if (decoded.v !== VERSION || !Number.isSafeInteger(decoded.o) || (decoded.o as number) < 0) throw invalid();
    if (decoded.t !== undefined && typeof decoded.t !== 'string') throw invalid();
    return decoded.t === undefined ? { offset: decoded.o as number } : { nextToken: decoded.t, offset: decoded.o as number };
  }

  /** JSON array encoding keeps the fields apart: no (statement, owner) pair can be made to collide with another. */
  private mac(statementId: string, owner: string | undefined, payload: string): string {
    if (owner === '') throw new Error('a cursor owner must not be empty');
    return createHmac('sha256', this.key).update(JSON.stringify([statementId, owner ?? null, payload])).digest('base64url');
  }
}

function invalid(): WarehouseError {
  return new WarehouseError('invalid_cursor', 'the result cursor is not valid for this statement');
}
