import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { EventPattern } from '@redwire/system';
import { matchesEventPattern, validateEventPattern } from './event-pattern.js';
import { rateIntervalMs } from './schedule-expression.js';

/** An event as EventBridge delivers it to targets. */
export interface BusEvent {
  readonly version: '0';
  readonly id: string;
  readonly 'detail-type': string;
  readonly source: string;
  readonly account: string;
  readonly time: string;
  readonly region: string;
  readonly resources: readonly string[];
  readonly detail: Record<string, unknown>;
}

/** What callers publish; the bus fills in version, id, account, region and time. */
export interface EventInput {
  readonly source: string;
  readonly 'detail-type': string;
  readonly detail: Record<string, unknown>;
  readonly resources?: readonly string[];
  readonly time?: string;
  readonly id?: string;
}

/** Invokes a target function with the event, as Lambda's asynchronous invoke would. */
export type TargetInvoker = (target: string, event: BusEvent) => Promise<unknown>;

export interface DeliveryPolicy {
  /** Retries after the first failed attempt (Lambda's async invoke retries twice). */
  readonly retries: number;
  /** Delay before retry n (1-based) in ms; doubles each time. */
  readonly backoffMs: number;
  /** Test switch: every matching event is delivered twice (at-least-once). */
  readonly duplicateDelivery: boolean;
}

export interface DeadLetter {
  readonly target: string;
  readonly rule: string;
  readonly event: BusEvent;
  readonly error: string;
  readonly attempts: number;
}

export interface EventBusOptions {
  readonly region: string;
  readonly account: string;
  readonly invoke: TargetInvoker;
  readonly logger: Logger;
  readonly delivery?: Partial<DeliveryPolicy>;
  readonly onDeadLetter?: (letter: DeadLetter) => void;
}

interface Rule {
  readonly name: string;
  readonly pattern: EventPattern;
  readonly targets: readonly string[];
}
interface Schedule {
  readonly name: string;
  readonly intervalMs: number;
  readonly targets: readonly string[];
  timer?: NodeJS.Timeout;
}

const isoSeconds = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The default event bus of the local cloud: pattern rules, `rate(...)` schedules, and asynchronous
 * at-least-once delivery to in-process targets with retries and a dead-letter hook.
 */
export class EventBus {
  private readonly rules = new Map<string, Rule>();
  private readonly schedules = new Map<string, Schedule>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly policy: DeliveryPolicy;
  private closed = false;

  constructor(private readonly options: EventBusOptions) {
    this.policy = { retries: 2, backoffMs: 1000, duplicateDelivery: false, ...options.delivery };
  }

  /** Delivers every matching event twice from now on (or stops doing so). */
  set duplicateDelivery(on: boolean) {
    (this.policy as { duplicateDelivery: boolean }).duplicateDelivery = on;
  }

  addRule(name: string, pattern: unknown, targets: readonly string[]): void {
    validateEventPattern(pattern);
    this.rules.set(name, { name, pattern, targets });
  }

  addSchedule(name: string, expression: string, targets: readonly string[]): void {
    const schedule: Schedule = { name, intervalMs: rateIntervalMs(expression), targets };
    this.schedules.set(name, schedule);
    schedule.timer = setInterval(() => this.fireSchedule(name), schedule.intervalMs);
  }

  /** Fires a schedule now (tests, and `npm start` has no need to wait a minute). */
  fireSchedule(name: string): BusEvent {
    const schedule = this.schedules.get(name);
    if (!schedule) throw new Error(`no schedule named ${name}`);
    const event = this.envelope({
      source: 'aws.events',
      'detail-type': 'Scheduled Event',
      detail: {},
      resources: [this.ruleArn(name)],
    });
    for (const target of schedule.targets) this.deliver(name, target, event);
    return event;
  }

  /** Publishes an event to the bus; matching rules' targets are invoked asynchronously. Returns the event. */
  publish(input: EventInput): BusEvent {
    const event = this.envelope(input);
    for (const rule of this.rules.values()) {
      if (!matchesEventPattern(rule.pattern, event)) continue;
      for (const target of rule.targets) this.deliver(rule.name, target, event);
    }
    return event;
  }

  /** Resolves when every delivery started so far (including retries) has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  close(): void {
    this.closed = true;
    for (const schedule of this.schedules.values()) clearInterval(schedule.timer);
  }

  ruleArn(name: string): string {
    return `arn:aws:events:${this.options.region}:${this.options.account}:rule/${name}`;
  }

  private envelope(input: EventInput): BusEvent {
    return {
      version: '0',
      id: input.id ?? randomUUID(),
      'detail-type': input['detail-type'],
      source: input.source,
      account: this.options.account,
      time: input.time ?? isoSeconds(new Date()),
      region: this.options.region,
      resources: input.resources ?? [],
      detail: input.detail,
    };
  }

  private deliver(rule: string, target: string, event: BusEvent): void {
    const copies = this.policy.duplicateDelivery ? 2 : 1;
    for (let i = 0; i < copies; i += 1) {
      const run = this.attempt(rule, target, event).finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }
  }

  private async attempt(rule: string, target: string, event: BusEvent): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    const log = this.options.logger;
    for (let attempt = 1; ; attempt += 1) {
      if (this.closed) return;
      try {
        await this.options.invoke(target, event);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (attempt > this.policy.retries) {
          const letter: DeadLetter = { target, rule, event, error: message, attempts: attempt };
          log.error({ rule, target, eventId: event.id, attempts: attempt, error: message }, 'event delivery failed; dead-lettered');
          this.options.onDeadLetter?.(letter);
          return;
        }
        log.warn({ rule, target, eventId: event.id, attempt, error: message }, 'event delivery failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, this.policy.backoffMs * 2 ** (attempt - 1)));
      }
    }
  }
}
