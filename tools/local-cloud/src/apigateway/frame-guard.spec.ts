import { describe, expect, it } from 'vitest';
import { createFrameGuard } from './frame-guard.js';

function frame(payloadLength: number, masked = true): Buffer {
  const mask = masked ? 4 : 0;
  let header: Buffer;
  if (payloadLength < 126) header = Buffer.from([0x81, (masked ? 0x80 : 0) | payloadLength]);
  else if (payloadLength < 65536) {
    header = Buffer.alloc(4);
    header[0] = 0x81;
    header[1] = (masked ? 0x80 : 0) | 126;
    header.writeUInt16BE(payloadLength, 2);
  } else {
    header = Buffer.alloc(10);
    header[0] = 0x81;
    header[1] = (masked ? 0x80 : 0) | 127;
    header.writeBigUInt64BE(BigInt(payloadLength), 2);
  }
  return Buffer.concat([header, Buffer.alloc(mask), Buffer.alloc(payloadLength, 0x61)]);
}

describe('createFrameGuard', () => {
  it('lets frames up to the limit pass, in any chunking', () => {
    const seen: number[] = [];
    const guard = createFrameGuard(32 * 1024, (n) => seen.push(n));
    const bytes = Buffer.concat([frame(10), frame(300), frame(32 * 1024)]);
    for (let i = 0; i < bytes.length; i += 7) guard(bytes.subarray(i, i + 7));
    expect(seen).toEqual([]);
  });

  it('reports the first oversize frame once, with 16- and 64-bit lengths', () => {
    const seen: number[] = [];
    const guard = createFrameGuard(32 * 1024, (n) => seen.push(n));
    guard(Buffer.concat([frame(5), frame(32 * 1024 + 1)]));
    guard(frame(70_000));
    expect(seen).toEqual([32 * 1024 + 1]);
    const big: number[] = [];
    createFrameGuard(65_536, (n) => big.push(n))(frame(70_000, false));
    expect(big).toEqual([70_000]);
  });

  it('counts every frame with keepGoing', () => {
    const seen: number[] = [];
    const guard = createFrameGuard(0, (n) => seen.push(n), { keepGoing: true });
    guard(Buffer.concat([frame(3, false), frame(200, false)]));
    expect(seen).toEqual([3, 200]);
  });
});
