/** A schedule expression EventBridge would refuse (`ValidationException`). */
export class ScheduleExpressionError extends Error {
  override readonly name = 'ScheduleExpressionError';
  readonly code = 'ValidationException';
}

const UNIT_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;

/**
 * Interval of a `rate(value unit)` expression in milliseconds. Like EventBridge, a value of 1 takes the
 * singular unit and larger values the plural. `cron(...)` is not supported by the local cloud.
 */
export function rateIntervalMs(expression: string): number {
  const match = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression.trim());
  if (!match) throw new ScheduleExpressionError(`Parameter ScheduleExpression is not valid: "${expression}" (the local cloud supports rate(...) only)`);
  const value = Number(match[1]);
  const unit = match[2] ?? '';
  const singular = unit.replace(/s$/, '') as keyof typeof UNIT_MS;
  if (value < 1 || (value === 1) !== (unit === singular)) {
    throw new ScheduleExpressionError(`Parameter ScheduleExpression is not valid: "${expression}"`);
  }
  return value * UNIT_MS[singular];
}
