import type { RedshiftDataClient, ServiceInputTypes, ServiceOutputTypes } from '@aws-sdk/client-redshift-data';
import type { DeserializeMiddleware } from '@smithy/types';

const NAME = 'redwireExactIntegers';

type Middleware = DeserializeMiddleware<ServiceInputTypes, ServiceOutputTypes>;

/**
 * The SDK parses response JSON with `JSON.parse`, which rounds integers beyond ±2^53, so an
 * int8 such as 9007199254740993 would arrive as …992. This middleware sits between the HTTP
 * handler and the deserializer of GetStatementResult and rewrites each such field
 * `{"longValue":<digits>}` to `{"stringValue":"<digits>"}` in the raw text; the cell converter
 * then turns it into an exact string cell. `{"` can only start an object (inside JSON strings
 * quotes are escaped), so text in string values is never touched.
 */
export function keepIntegersExact(client: RedshiftDataClient): void {
  if (client.middlewareStack.identify().some((entry) => entry.startsWith(NAME))) return;
  const middleware: Middleware = (next, context) => async (args) => {
    const result = await next(args);
    const response = result.response as { body?: unknown };
    if (context.commandName === 'GetStatementResultCommand' && response.body) response.body = rewrite(await bytesOf(response.body));
    return result;
  };
  client.middlewareStack.addRelativeTo(middleware, { name: NAME, relation: 'after', toMiddleware: 'deserializerMiddleware', override: true },
  );
}

const LONG_FIELD = /\{\s*"longValue"\s*:\s*(-?\d{16,})\s*\}/g;

export function rewriteLargeLongValues(json: string): string {
  return json.replace(LONG_FIELD, (field, digits: string) =>
    Number.isSafeInteger(Number(digits)) ? field : `{"stringValue":"${digits}"}`,
  );
}

/** The body unchanged (no copy) when it holds no integer beyond ±2^53, which is nearly always. */
function rewrite(bytes: Uint8Array): Uint8Array {
  const text = new TextDecoder().decode(bytes);
  const rewritten = rewriteLargeLongValues(text);
  return rewritten === text ? bytes : new TextEncoder().encode(rewritten);
}

async function bytesOf(body: unknown): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
