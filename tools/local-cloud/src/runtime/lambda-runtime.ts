import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { LocalFunction } from './topology.js';

/** A Lambda handler: `(event, context) => Promise<result>`. */
export type Handler = (event: unknown, context: LambdaContext) => Promise<unknown>;

/** The Lambda context fields handlers use. */
export interface LambdaContext {
  readonly functionName: string;
  readonly functionVersion: string;
  readonly invokedFunctionArn: string;
  readonly memoryLimitInMB: string;
  readonly awsRequestId: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly callbackWaitsForEmptyEventLoop: boolean;
  getRemainingTimeInMillis(): number;
}

/** Loads a function's handler; resolves undefined when the function does not exist yet. */
export type HandlerLoader = (fn: LocalFunction) => Promise<Handler | undefined>;

/** The function has no handler (not written yet, or it failed to load): AWS would report an integration failure. */
export class FunctionUnavailableError extends Error {
  override readonly name = 'FunctionUnavailableError';
}
export class FunctionTimeoutError extends Error {
  override readonly name = 'FunctionTimeoutError';
}

/** Default loader: dynamic `import()` of `<root>/<entry>` (works under tsx and vitest); a missing file is undefined. */
export function importHandlerLoader(root: string): HandlerLoader {
  return async (fn) => {
    const file = resolve(root, fn.entry);
    if (!existsSync(file)) return undefined;
    const mod = (await import(pathToFileURL(file).href)) as { handler?: unknown };
    if (typeof mod.handler !== 'function') throw new Error(`${fn.entry} does not export a handler function`);
    return mod.handler as Handler;
  };
}

export interface LambdaRuntimeOptions {
  readonly functions: readonly LocalFunction[];
  readonly loader: HandlerLoader;
  readonly region: string;
  readonly account: string;
  readonly logger: Logger;
}

/**
 * Runs handlers in-process as Lambda would: each function's environment is set before its module loads,
 * invocations get a context and the function's timeout. Handlers are loaded once, at start.
 */
export class LambdaRuntime {
  private readonly handlers = new Map<string, Handler>();
  private readonly specs = new Map<string, LocalFunction>();
  readonly unavailable: string[] = [];

  constructor(private readonly options: LambdaRuntimeOptions) {
    for (const fn of options.functions) this.specs.set(fn.name, fn);
  }

  /** Loads every handler, setting the function's environment names from `environment` before its module loads. */
  async load(environment: Readonly<Record<string, string>>): Promise<void> {
    for (const fn of this.options.functions) {
      for (const name of fn.environment) {
        const value = environment[name];
        if (value !== undefined) process.env[name] = value;
      }
      try {
        const handler = await this.options.loader(fn);
        if (handler) this.handlers.set(fn.name, handler);
        else {
          this.unavailable.push(fn.name);
          this.options.logger.warn({ function: fn.name, entry: fn.entry }, `function ${fn.name} is not available yet (${fn.entry} does not exist); its requests fail as an AWS integration failure`);
        }
      } catch (error) {
        this.unavailable.push(fn.name);
        this.options.logger.error({ function: fn.name, entry: fn.entry, err: error }, `function ${fn.name} failed to load; its requests fail as an AWS integration failure`);
      }
    }
  }

  has(name: string): boolean {
    return this.specs.has(name);
  }

  /** Invokes a function; rejects with FunctionUnavailableError, FunctionTimeoutError or the handler's error. */
  async invoke(name: string, event: unknown): Promise<unknown> {
    const spec = this.specs.get(name);
    const handler = this.handlers.get(name);
    if (!spec || !handler) throw new FunctionUnavailableError(`function ${name} is not available`);
    const timeoutMs = spec.timeoutSeconds * 1000;
    const deadline = Date.now() + timeoutMs;
    const { region, account } = this.options;
    const context: LambdaContext = {
      functionName: name,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${region}:${account}:function:${name}`,
      memoryLimitInMB: '256',
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${name}`,
      logStreamName: 'local',
      callbackWaitsForEmptyEventLoop: false,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new FunctionTimeoutError(`Task timed out after ${spec.timeoutSeconds} seconds`)), timeoutMs);
    });
    try {
      return await Promise.race([handler(event, context), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
