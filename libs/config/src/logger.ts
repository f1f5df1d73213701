import { pino, type DestinationStream, type Logger } from 'pino';
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

export type { Logger } from 'pino';

/** Secrets that must never reach a log line, at the top level or one or two levels down. */
const SECRET_KEYS = ['authorization', 'Authorization', 'token', 'idToken', 'accessToken', 'refreshToken', 'password', 'cookie', 'cookies', 'Cookie', 'secret', 'cursorSecret'];
export const REDACTED_PATHS: readonly string[] = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

export interface LoggerOptions {
  /** Overrides REDWIRE_LOG_LEVEL. */
  readonly level?: LogLevel;
  /** Where JSON lines go (stdout by default; tests pass a stream). */
  readonly destination?: DestinationStream;
  readonly env?: Env;
}

/**
 * A pino JSON logger bound to `bindings` (e.g. `{ requestId, connectionId }`).
 * Use `logger.child({ statementId })` as more becomes known.
 */
export function createLogger(bindings: LogBindings = {}, options: LoggerOptions = {}): Logger {
  const level = options.level ?? parseEnv({ level: logLevelEnv }, options.env ?? process.env).level;
  const logger = pino(
    {
      level,
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: [...REDACTED_PATHS], censor: '[redacted]' },
    },
    options.destination,
  );
  return logger.child(bindings);
}
