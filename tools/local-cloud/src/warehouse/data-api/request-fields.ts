import { serialization, validation } from './data-api-error.js';

type Body = Record<string, unknown>;

/** AWS's wording for constraint failures: "1 validation error detected: Value … at 'x' failed to satisfy constraint: …". */
export function constraintError(field: string, value: unknown, constraint: string): Error {
  const shown = value === undefined || value === null ? 'null' : typeof value === 'string' ? `'${value.length > 64 ? `${value.slice(0, 64)}…` : value}'` : JSON.stringify(value);
  return validation(`1 validation error detected: Value ${shown} at '${lowerFirst(field)}' failed to satisfy constraint: ${constraint}`);
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export interface StringRule {
  required?: boolean;
  min?: number;
  max?: number;
  pattern?: RegExp;
  oneOf?: readonly string[];
}

export function stringField(body: Body, field: string, rule: StringRule = {}): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) {
    if (rule.required) throw constraintError(field, value, 'Member must not be null');
    return undefined;
  }
  if (typeof value !== 'string') throw serialization(`${field} must be a string, got ${typeof value}`);
  if (rule.min !== undefined && value.length < rule.min) throw constraintError(field, value, `Member must have length greater than or equal to ${rule.min}`);
  if (rule.max !== undefined && value.length > rule.max) throw constraintError(field, value, `Member must have length less than or equal to ${rule.max}`);
  if (rule.pattern && !rule.pattern.test(value)) throw constraintError(field, value, `Member must satisfy regular expression pattern: ${rule.pattern.source}`);
  if (rule.oneOf && !rule.oneOf.includes(value)) throw constraintError(field, value, `Member must satisfy enum value set: [${rule.oneOf.join(', ')}]`);
  return value;
}

export function booleanField(body: Body, field: string): boolean | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw serialization(`${field} must be a boolean, got ${typeof value}`);
  return value;
}

export function integerField(body: Body, field: string, min: number, max: number): number | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw serialization(`${field} must be an integer`);
  if (value < min) throw constraintError(field, value, `Member must have value greater than or equal to ${min}`);
  if (value > max) throw constraintError(field, value, `Member must have value less than or equal to ${max}`);
  return value;
}

export function arrayField(body: Body, field: string): unknown[] | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw serialization(`${field} must be a list`);
  return value;
}

/** Statement ids: a UUID, with `:n` for a batch sub-statement. */
export const STATEMENT_ID = /^[a-z0-9]{8}(-[a-z0-9]{4}){3}-[a-z0-9]{12}(:\d{0,2})?$/;
