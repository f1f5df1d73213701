/**
 * Claims as an HTTP API JWT authorizer passes them to the integration: every value a string, arrays written as
 * `[a b]` (so `cognito:groups` arrives as `"[admins analysts]"`), objects as JSON.
 */
export function flattenClaims(claims: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [key, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) flat[key] = `[${value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(' ')}]`;
    else if (typeof value === 'object') flat[key] = JSON.stringify(value);
    else flat[key] = String(value);
  }
  return flat;
}
