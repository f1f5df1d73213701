import * as z from 'zod/mini';
import { DATE_PATTERN, MONTH_PATTERN, daysBetween, isCalendarDate, isMonth } from './calendar.js';
import type { DateRangeParam, ParamDefinition, TextParam } from './param-definition.js';

/** A validated parameter value: month, date, enum and text are strings; integer and number are numbers. */
export type ParamValue = string | number | { from: string; to: string };

/** One Data API named parameter. `value` is never empty: the Data API rejects ''. */
export interface DataApiParameter {
  name: string;
  value: string;
}

/** A JSON Schema fragment for one parameter, as the generated web form reads it. */
export type ParamJsonSchema = { title: string } & Record<string, unknown>;

/** A string schema whose only check is `problem`, which names what is wrong or returns undefined. */
function stringWhere(problem: (value: string) => string | undefined) {
  return z.string().check(
    z.superRefine((value, ctx) => {
      const message = problem(value);
      if (message !== undefined) ctx.addIssue({ code: 'custom', message, input: value });
    }),
  );
}

function numberWhere(problem: (value: number) => string | undefined) {
  return z.number().check(
    z.superRefine((value, ctx) => {
      const message = problem(value);
      if (message !== undefined) ctx.addIssue({ code: 'custom', message, input: value });
    }),
  );
}

function monthProblem(min: string, max: string) {
  return (value: string): string | undefined => {
    if (!isMonth(value)) return 'must be a month as YYYY-MM';
    if (value < min || value > max) return `must be a month from ${min} to ${max}`;
    return undefined;
  };
}

function dateProblem(min: string, max: string) {
  return (value: string): string | undefined => {
    if (!isCalendarDate(value)) return 'must be a calendar date as YYYY-MM-DD';
    if (value < min || value > max) return `must be a date from ${min} to ${max}`;
    return undefined;
  };
}

function dateRangeSchema(def: DateRangeParam) {
  const day = stringWhere(dateProblem(def.min, def.max));
  return z.strictObject({ from: day, to: day }).check(
    z.superRefine((range, ctx) => {
      if (range.from > range.to) {
        ctx.addIssue({ code: 'custom', message: 'from must not be after to', input: range });
      } else if (def.maxDays !== undefined && daysBetween(range.from, range.to) + 1 > def.maxDays) {
        ctx.addIssue({ code: 'custom', message: `must span at most ${def.maxDays} days`, input: range });
      }
    }),
  );
}

function textProblem(def: TextParam) {
  const whole = new RegExp(`^(?:${def.pattern})$`, 'u');
  const minLength = def.minLength ?? 1;
  return (value: string): string | undefined => {
    const length = [...value].length;
    if (length < minLength || length > def.maxLength) return `must be ${minLength}–${def.maxLength} characters long`;
    // NUL and other control characters cannot travel to Redshift text; lone surrogates are not UTF-8.
    if (/[\p{Cc}\p{Cs}]/u.test(value)) return 'must not contain control characters';
    if (!whole.test(value)) return `must match the pattern ${def.pattern}`;
    return undefined;
  };
}

/** The strict zod schema of one parameter's value, as a client sends it in JSON. */
export function paramValueSchema(def: ParamDefinition): z.ZodMiniType<ParamValue> {
  switch (def.kind) {
    case 'month':
      return stringWhere(monthProblem(def.min, def.max));
    case 'date':
      return stringWhere(dateProblem(def.min, def.max));
    case 'date-range':
      return dateRangeSchema(def);
    case 'integer':
      return numberWhere((v) =>
        !Number.isSafeInteger(v) ? 'must be a whole number' : v < def.min || v > def.max ? `must be from ${def.min} to ${def.max}` : undefined,
      );
    case 'number':
      return numberWhere((v) => (v < def.min || v > def.max ? `must be from ${def.min} to ${def.max}` : undefined));
    case 'enum':
      return stringWhere((v) =>
        def.values.some((option) => option.value === v) ? undefined : `must be one of ${def.values.map((o) => o.value).join(', ')}`,
      );
    case 'text':
      return stringWhere(textProblem(def));
  }
}

/** The Data API names a parameter binds: `<name>` or, for a date range, `<name>_from` and `<name>_to`. */
export function paramPlaceholderNames(def: ParamDefinition): string[] {
  return def.kind === 'date-range' ? [`${def.name}_from`, `${def.name}_to`] : [def.name];
}

function numberText(value: number): string {
  return Object.is(value, -0) ? '0' : String(value);
}

/** The Data API parameters for a value already validated by {@link paramValueSchema}. */
export function paramDataApiValues(def: ParamDefinition, value: ParamValue): DataApiParameter[] {
  if (def.kind === 'date-range') {
    const range = value as { from: string; to: string };
    return [
      { name: `${def.name}_from`, value: range.from },
      { name: `${def.name}_to`, value: range.to },
    ];
  }
  return [{ name: def.name, value: typeof value === 'number' ? numberText(value) : String(value) }];
}

/** The parameter as JSON Schema for the web form: `title` is the label; months and dates stay plain strings. */
export function paramJsonSchema(def: ParamDefinition): ParamJsonSchema {
  const head: ParamJsonSchema = { title: def.label };
  if (def.description !== undefined) head['description'] = def.description;
  if (def.default !== undefined) head['default'] = def.default;
  switch (def.kind) {
    case 'month':
      return { type: 'string', format: 'month', pattern: MONTH_PATTERN.source, formatMinimum: def.min, formatMaximum: def.max, ...head };
    case 'date':
      return { type: 'string', format: 'date', pattern: DATE_PATTERN.source, formatMinimum: def.min, formatMaximum: def.max, ...head };
    case 'date-range': {
      const day = (title: string) => ({ type: 'string', format: 'date', title, formatMinimum: def.min, formatMaximum: def.max });
      const range: ParamJsonSchema = {
        type: 'object',
        format: 'date-range',
        properties: { from: day('From'), to: day('To') },
        required: ['from', 'to'],
        additionalProperties: false,
        ...head,
      };
      if (def.maxDays !== undefined) range['x-maxDays'] = def.maxDays;
      return range;
    }
    case 'integer':
      return { type: 'integer', minimum: def.min, maximum: def.max, ...head };
    case 'number':
      return { type: 'number', minimum: def.min, maximum: def.max, ...head };
    case 'enum':
      return {
        type: 'string',
        enum: def.values.map((option) => option.value),
        oneOf: def.values.map((option) => ({ const: option.value, title: option.label })),
        ...head,
      };
    case 'text':
      return { type: 'string', minLength: def.minLength ?? 1, maxLength: def.maxLength, pattern: `^(?:${def.pattern})$`, ...head };
  }
}

/** What is wrong with a parameter definition beyond its shape (bounds in order, default valid); empty when nothing. */
export function paramDefinitionProblems(def: ParamDefinition): string[] {
  const problems: string[] = [];
  if (def.kind !== 'enum' && def.kind !== 'text' && def.min > def.max) problems.push(`${def.name}: min must not be greater than max`);
  if (def.kind === 'text' && (def.minLength ?? 1) > def.maxLength) problems.push(`${def.name}: minLength must not be greater than maxLength`);
  if (problems.length === 0 && def.default !== undefined) {
    const result = paramValueSchema(def).safeParse(def.default);
    if (!result.success) problems.push(`${def.name}: default ${result.error.issues[0]?.message ?? 'is invalid'}`);
  }
  return problems;
}
