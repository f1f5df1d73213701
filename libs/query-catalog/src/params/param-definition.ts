import { paramNameSchema } from '@redwire/protocol';
import * as z from 'zod/mini';
import { isCalendarDate, isMonth } from './calendar.js';

const monthText = z.string().check(z.refine(isMonth, 'must be a month as YYYY-MM'));
const dateText = z.string().check(z.refine(isCalendarDate, 'must be a calendar date as YYYY-MM-DD'));
const safeInteger = z.number().check(z.refine(Number.isSafeInteger, 'must be a safe integer'));
const finiteNumber = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));
/** Enum values travel to the Data API as they are: non-empty, printable, short. */
const enumValue = z.string().check(z.regex(/^[A-Za-z0-9_.:+-]{1,64}$/, 'must be 1–64 characters of A–Z, a–z, 0–9, _ . : + or -'));
const label = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[^\p{Cc}]*$/u, 'must not contain control characters'));

const common = {
  name: paramNameSchema,
  label,
  description: z.optional(z.string().check(z.maxLength(500))),
};

function isRegExpSource(source: string): boolean {
  try {
    new RegExp(source, 'u');
    return true;
  } catch {
    return false;
  }
}

export const monthParamSchema = z.strictObject({ ...common, kind: z.literal('month'), min: monthText, max: monthText, default: z.optional(z.string()) });
export const dateParamSchema = z.strictObject({ ...common, kind: z.literal('date'), min: dateText, max: dateText, default: z.optional(z.string()) });
export const dateRangeParamSchema = z.strictObject({
  ...common,
  kind: z.literal('date-range'),
  min: dateText,
  max: dateText,
  /** Longest range allowed, counted inclusively (from = to is 1 day). */
  maxDays: z.optional(safeInteger.check(z.minimum(1))),
  default: z.optional(z.object({ from: z.string(), to: z.string() })),
});
export const integerParamSchema = z.strictObject({ ...common, kind: z.literal('integer'), min: safeInteger, max: safeInteger, default: z.optional(z.number()) });
export const numberParamSchema = z.strictObject({ ...common, kind: z.literal('number'), min: finiteNumber, max: finiteNumber, default: z.optional(z.number()) });
export const enumParamSchema = z.strictObject({
  ...common,
  kind: z.literal('enum'),
  values: z.array(z.strictObject({ value: enumValue, label })).check(
    z.minLength(1, 'an enum needs at least one value'),
    z.refine((values) => new Set(values.map((v) => v.value)).size === values.length, 'enum values must be distinct'),
  ),
  default: z.optional(z.string()),
});
export const textParamSchema = z.strictObject({
  ...common,
  kind: z.literal('text'),
  minLength: z.optional(safeInteger.check(z.minimum(1))),
  maxLength: safeInteger.check(z.minimum(1), z.maximum(1000)),
  /** An ECMAScript regular expression (u flag) the whole value must match. */
  pattern: z.string().check(z.minLength(1), z.refine(isRegExpSource, 'must be a valid regular expression')),
  default: z.optional(z.string()),
});

/** A report parameter as authored in the report's front matter. */
export const paramDefinitionSchema = z.discriminatedUnion('kind', [
  monthParamSchema,
  dateParamSchema,
  dateRangeParamSchema,
  integerParamSchema,
  numberParamSchema,
  enumParamSchema,
  textParamSchema,
]);

export type MonthParam = z.output<typeof monthParamSchema>;
export type DateParam = z.output<typeof dateParamSchema>;
export type DateRangeParam = z.output<typeof dateRangeParamSchema>;
export type IntegerParam = z.output<typeof integerParamSchema>;
export type NumberParam = z.output<typeof numberParamSchema>;
export type EnumParam = z.output<typeof enumParamSchema>;
export type TextParam = z.output<typeof textParamSchema>;
export type ParamDefinition = z.output<typeof paramDefinitionSchema>;
export type ParamKind = ParamDefinition['kind'];
