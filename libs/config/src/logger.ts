import { parseEnv, type Env } from './parse-env.js';
import { logLevelEnv, type LogLevel } from './sections.js';

/** The correlation fields every Redwire log line may carry. */
export interface LogBindings {
  readonly statementId?: string;
  readonly connectionId?: string;
  readonly requestId?: string;
  readonly userId?: string;
  readonly [extra: string]: unknown;
}

/** `logger.info('text')` or `logger.info({ fields }, 'text')`; an `err` field is serialized with its stack. */
export interface LogFn {
  (msg: string): void;
  (fields: object, msg?: string): void;
}

/**
 * The logging surface the handlers use: pino's method names and JSON line shape, so a pino logger
 * (the local cloud's, tests') is one too.
 */
export interface Logger {
  readonly level: string;
  child(bindings: LogBindings): Logger;
  fatal: LogFn;
  error: LogFn;
  warn: LogFn;
  info: LogFn;
  debug: LogFn;
  trace: LogFn;
}

/** Where JSON lines go: anything with `write(line)` (a Writable, process.stdout). */
export interface DestinationStream {
  write(line: string): unknown;
}

/** Keys whose values never reach a log line, at any depth (fields, bindings, error properties). */
export const SECRET_KEYS: readonly string[] = ['authorization', 'Authorization', 'token', 'idToken', 'accessToken', 'refreshToken', 'password', 'cookie', 'cookies', 'Cookie', 'secret', 'cursorSecret'];
const SECRETS = new Set(SECRET_KEYS);
const CENSOR = '[redacted]';

const LEVEL_VALUES: Readonly<Record<LogLevel, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Infinity };
type Method = Exclude<LogLevel, 'silent'>;
const METHODS: readonly Method[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];

export interface LoggerOptions {
  /** Overrides REDWIRE_LOG_LEVEL. */
  readonly level?: LogLevel;
  /** Where JSON lines go (stdout by default; tests pass a stream). */
  readonly destination?: DestinationStream;
  readonly env?: Env;
}

/**
 * A JSON-lines logger bound to `bindings` (e.g. `{ requestId, connectionId }`): one line per event,
 * `{"level":"info","time":"<ISO>",…bindings,…fields,"msg":"…"}` like pino's, secrets censored
 * (SECRET_KEYS, at any depth), errors under `err` with type, message, stack and cause. Written synchronously,
 * as Lambda wants. Use `logger.child({ statementId })` as more becomes known.
 *
 * Not pino itself: pino and its helpers (thread-stream, sonic-boom, redaction compiler) are ~60 KB
 * of every Lambda bundle and ~10–18 ms of each cold start for features the handlers never use.
 */
export function createLogger(bindings: LogBindings = {}, options: LoggerOptions = {}): Logger {
  const level = options.level ?? parseEnv({ level: logLevelEnv }, options.env ?? process.env).level;
  return new JsonLogger(level, LEVEL_VALUES[level], options.destination ?? process.stdout, serializeFields(bindings));
}

class JsonLogger implements Logger {
  readonly fatal: LogFn;
  readonly error: LogFn;
  readonly warn: LogFn;
  readonly info: LogFn;
  readonly debug: LogFn;
  readonly trace: LogFn;

  constructor(
    readonly level: LogLevel,
    private readonly threshold: number,
    private readonly destination: DestinationStream,
    /** The bindings as JSON members (`"a":1,"b":2`), serialized once per child. */
    private readonly boundJson: string,
  ) {
    const [fatal, error, warn, info, debug, trace] = METHODS.map((method) => this.method(method));
    this.fatal = fatal as LogFn;
    this.error = error as LogFn;
    this.warn = warn as LogFn;
    this.info = info as LogFn;
    this.debug = debug as LogFn;
    this.trace = trace as LogFn;
  }

  child(bindings: LogBindings): Logger {
    const more = serializeFields(bindings);
    return new JsonLogger(this.level, this.threshold, this.destination, this.boundJson && more ? `${this.boundJson},${more}` : this.boundJson || more);
  }

  private method(method: Method): LogFn {
    if (LEVEL_VALUES[method] < this.threshold) return () => undefined;
    const head = `{"level":"${method}","time":"`;
    return (first: object | string, msg?: string) => {
      const fields = typeof first === 'string' ? '' : serializeFields(first instanceof Error ? { err: first } : first);
      const text = typeof first === 'string' ? first : (msg ?? (first instanceof Error ? first.message : undefined));
      let line = `${head}${new Date().toISOString()}"`;
      if (this.boundJson) line += `,${this.boundJson}`;
      if (fields) line += `,${fields}`;
      if (text !== undefined) line += `,"msg":${JSON.stringify(String(text))}`;
      this.destination.write(`${line}}\n`);
    };
  }
}

/** An object's members as JSON text without the braces, secrets censored; never throws. */
function serializeFields(fields: object): string {
  try {
    return JSON.stringify(prepare(fields, new WeakSet())).slice(1, -1);
  } catch (error) {
    return `"logError":${JSON.stringify(`fields not serializable: ${(error as Error).message}`)}`;
  }
}

/** A JSON-safe copy: secrets censored, Error values serialized, cycles and bigints handled. */
function prepare(value: unknown, seen: WeakSet<object>): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (value instanceof Error) return serializeError(value, seen);
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => prepare(item, seen));
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      copy[key] = SECRETS.has(key) ? CENSOR : prepare(item, seen);
    }
    return copy;
  } finally {
    seen.delete(value);
  }
}

function serializeError(error: Error, seen: WeakSet<object>): Record<string, unknown> {
  seen.add(error);
  try {
    const out: Record<string, unknown> = { type: error.constructor?.name ?? 'Error', message: error.message, stack: error.stack };
    for (const [key, item] of Object.entries(error)) {
      if (key in out || item === undefined || typeof item === 'function') continue;
      out[key] = SECRETS.has(key) ? CENSOR : prepare(item, seen);
    }
    if (error.cause !== undefined) out['cause'] = prepare(error.cause, seen);
    return out;
  } finally {
    seen.delete(error);
  }
}
