import type * as z from 'zod/mini';

type Issue = z.core.$ZodIssue;
const SAFE_SEGMENT = /^[A-Za-z0-9_]{1,32}$/;
const DEFAULT_MESSAGE = 'Invalid input';
const EXPECTED: Partial<Record<string, string>> = { array: 'an array', tuple: 'an array', object: 'an object', record: 'an object', int: 'an integer' };

/** A path such as `statementIds[2]`, showing only segments that cannot leak what the sender wrote. */
export function describePath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && SAFE_SEGMENT.test(segment)) text += text ? `.${segment}` : segment;
    else text += text ? '.…' : '…';
  }
  return text || 'message';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}

/**
 * One short, human sentence for the first problem zod found. It names the
 * field but never repeats the offending value, so nothing the sender wrote
 * (or any server internals) comes back in the reply.
 */
export function describeIssue(issue: Issue, input: unknown): string {
  const field = describePath(issue.path);
  const custom = issue.message && issue.message !== DEFAULT_MESSAGE ? issue.message : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(input, issue.path) === undefined) return `${field} is required`;
      return `${field} must be ${EXPECTED[issue.expected] ?? `a ${issue.expected}`}`;
    case 'unrecognized_keys': {
      const names = issue.keys.filter((key) => SAFE_SEGMENT.test(key));
      const where = issue.path.length ? ` in ${field}` : '';
      return names.length === issue.keys.length ? `unknown field${names.length > 1 ? 's' : ''}${where}: ${names.join(', ')}` : `unknown field${where}`;
    }
    case 'invalid_key':
      return `${field} is not a valid parameter name`;
    case 'invalid_value':
      return `${field} must be one of: ${issue.values.map(String).join(', ')}`;
    case 'invalid_union':
      return `${field} is not a valid ${field === 'message' ? 'message' : 'value'}`;
    default:
      if (!custom) return `${field} is invalid`;
      return issue.path.length ? `${field} ${custom}` : custom;
  }
}
