/**
 * DuckDB's parse-tree JSON carries 64-bit integers (query locations, BIGINT
 * literals) that JavaScript numbers would round. These helpers keep every
 * integer of 16+ digits as an opaque marker string while the tree is edited.
 */
const MARKER = '\u0000int:';

/** A placeholder that `stringifyLossless` writes as the bare integer `digits` (for int8 beyond ±2^53). */
export function exactInteger(digits: string): number {
  return (MARKER + digits) as unknown as number;
}

/** The digits of an `exactInteger` placeholder, or the number as text. */
export function integerText(value: number): string {
  const text = String(value);
  return text.startsWith(MARKER) ? text.slice(MARKER.length) : text;
}

export function parseLossless(json: string): unknown {
  let out = '';
  let index = 0;
  while (index < json.length) {
    const char = json[index] as string;
    if (char === '"') {
      const end = endOfString(json, index);
      out += json.slice(index, end);
      index = end;
      continue;
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      let end = index + 1;
      while (end < json.length && /[0-9.eE+-]/.test(json[end] as string)) end += 1;
      const number = json.slice(index, end);
      out += /^-?\d{16,}$/.test(number) ? JSON.stringify(MARKER + number) : number;
      index = end;
      continue;
    }
    out += char;
    index += 1;
  }
  return JSON.parse(out);
}

export function stringifyLossless(value: unknown): string {
  return JSON.stringify(value).replace(/"\\u0000int:(-?\d+)"/g, '$1');
}

function endOfString(json: string, start: number): number {
  let index = start + 1;
  while (index < json.length) {
    const char = json[index];
    if (char === '\\') index += 2;
    else if (char === '"') return index + 1;
    else index += 1;
  }
  return json.length;
}
