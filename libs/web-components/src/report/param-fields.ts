
/** One generated form control, derived from a parameter's JSON Schema. */
export type ParamField =
  | { kind: 'month' | 'date'; name: string; label: string; required: boolean; min?: string; max?: string; initial: string }
  | { kind: 'integer' | 'number'; name: string; label: string; required: boolean; min?: number; max?: number; initial: string }
  | { kind: 'enum'; name: string; label: string; required: boolean; options: { value: string; label: string }[]; initial: string }
  | { kind: 'text'; name: string; label: string; required: boolean; minLength?: number; maxLength?: number; pattern?: string; initial: string }
  | {
      kind: 'date-range';
      name: string;
      label: string;
      required: boolean;
      min?: string;
      max?: string;
      initial: { from: string; to: string };
    };

/** What the form sends: strings for months, dates, enums and text; numbers for numbers; `{from,to}` for ranges. */
export type ParamValues = Record<string, string | number | { from: string; to: string }>;

type Schema = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function enumOptions(schema: Schema): { value: string; label: string }[] {
  const values = Array.isArray(schema['enum']) ? schema['enum'].filter((v): v is string => typeof v === 'string') : [];
  const titles = new Map<string, string>();
  if (Array.isArray(schema['oneOf'])) {
    for (const option of schema['oneOf'] as Schema[]) {
      const value = str(option?.['const']);
      const title = str(option?.['title']);
      if (value !== undefined && title !== undefined) titles.set(value, title);
    }
  }
  return values.map((value) => ({ value, label: titles.get(value) ?? value }));
}

/** A report's parameters as JSON Schema: each property has a `title` (the label). */
export interface ParamsSchema {
  properties: Record<string, { title: string } & Record<string, unknown>>;
  required?: readonly string[];
}

/** The form's fields for a report's parameters, in the schema's property order. */
export function paramFields(params: ParamsSchema): ParamField[] {
  return Object.entries(params.properties).map(([name, raw]): ParamField => {
    const schema = raw as Schema;
    const label = raw.title;
    const required = params.required?.includes(name) ?? false;
    const format = str(schema['format']);
    const initialText = str(schema['default']) ?? '';
    if (format === 'month' || format === 'date') {
      return { kind: format, name, label, required, min: str(schema['formatMinimum']), max: str(schema['formatMaximum']), initial: initialText };
    }
    if (format === 'date-range') {
      const day = ((schema['properties'] as Record<string, Schema> | undefined)?.['from'] ?? {}) as Schema;
      const fallback = schema['default'] as { from?: unknown; to?: unknown } | undefined;
      return {
        kind: 'date-range',
        name,
        label,
        required,
        min: str(day['formatMinimum']),
        max: str(day['formatMaximum']),
        initial: { from: str(fallback?.from) ?? '', to: str(fallback?.to) ?? '' },
      };
    }
    if (Array.isArray(schema['enum'])) {
      const options = enumOptions(schema);
      return { kind: 'enum', name, label, required, options, initial: initialText || (options[0]?.value ?? '') };
    }
    if (schema['type'] === 'integer' || schema['type'] === 'number') {
      const fallback = num(schema['default']);
      return {
        kind: schema['type'],
        name,
        label,
        required,
        min: num(schema['minimum']),
        max: num(schema['maximum']),
        initial: fallback === undefined ? '' : String(fallback),
      };
    }
    return {
      kind: 'text',
      name,
      label,
      required,
      minLength: num(schema['minLength']),
      maxLength: num(schema['maxLength']),
      pattern: str(schema['pattern'])?.replace(/^\^\(\?:(.*)\)\$$/u, '$1'),
      initial: initialText,
    };
  });
}

/**
 * The submitted values read from form data. Months and dates stay the exact
 * `YYYY-MM` / `YYYY-MM-DD` text the input gave: never through `Date`, so no
 * time zone can move them. Empty optional fields are left out.
 */
export function readParamValues(fields: readonly ParamField[], data: FormData): ParamValues {
  const values: ParamValues = {};
  for (const field of fields) {
    if (field.kind === 'date-range') {
      const from = String(data.get(`${field.name}.from`) ?? '');
      const to = String(data.get(`${field.name}.to`) ?? '');
      if (from !== '' || to !== '') values[field.name] = { from, to };
      continue;
    }
    const text = String(data.get(field.name) ?? '');
    if (text === '') continue;
    values[field.name] = field.kind === 'integer' || field.kind === 'number' ? Number(text) : text;
  }
  return values;
}
