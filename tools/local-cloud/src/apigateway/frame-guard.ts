/**
 * Watches the raw bytes a WebSocket client sends and reports the first frame whose payload is larger than
 * `maxFrameBytes`. `ws` only knows one limit (maxPayload, for frames and messages alike); API Gateway has two:
 * 32 KB per frame and 128 KB per message. With `keepGoing` it reports every oversize frame (tests count frames).
 */
export function createFrameGuard(
  maxFrameBytes: number,
  onOversize: (frameBytes: number) => void,
  options: { keepGoing?: boolean } = {},
): (chunk: Buffer) => void {
  let header = Buffer.alloc(0);
  let skip = 0;
  let tripped = false;

  const headerLength = (): number => {
    if (header.length < 2) return 2;
    const second = header[1] ?? 0;
    const len7 = second & 0x7f;
    return 2 + (len7 === 126 ? 2 : len7 === 127 ? 8 : 0) + (second & 0x80 ? 4 : 0);
  };
  const payloadLength = (): number => {
    const len7 = (header[1] ?? 0) & 0x7f;
    if (len7 === 126) return header.readUInt16BE(2);
    if (len7 === 127) return Number(header.readBigUInt64BE(2));
    return len7;
  };

  return (chunk) => {
    let offset = 0;
    while (!tripped && offset < chunk.length) {
      if (skip > 0) {
        const n = Math.min(skip, chunk.length - offset);
        skip -= n;
        offset += n;
        continue;
      }
      const want = headerLength() - header.length;
      const take = Math.min(want, chunk.length - offset);
      header = Buffer.concat([header, chunk.subarray(offset, offset + take)]);
      offset += take;
      if (header.length < headerLength()) continue;
      const size = payloadLength();
      header = Buffer.alloc(0);
      if (size > maxFrameBytes) {
        onOversize(size);
        if (!options.keepGoing) {
          tripped = true;
          return;
        }
      }
      skip = size;
    }
  };
}
