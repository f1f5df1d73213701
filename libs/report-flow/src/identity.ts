import type { Identity } from './flow-ports.js';

const MAX_GROUPS = 100;

/**
 * The authorizer context API Gateway hands to every WebSocket route after `$connect`
 * (values must be strings, so groups travel as a JSON array in a string).
 */
export function authorizerContext(identity: Identity): Record<string, string> {
  return { userId: identity.userId, ...(identity.email ? { email: identity.email } : {}), groups: JSON.stringify(identity.groups) };
}

/** Reads the identity back from `requestContext.authorizer` of a WebSocket event; undefined when absent or malformed. */
export function identityFromAuthorizer(authorizer: unknown): Identity | undefined {
  if (authorizer === null || typeof authorizer !== 'object') return undefined;
  const { userId, email, groups } = authorizer as Record<string, unknown>;
  if (typeof userId !== 'string' || userId === '') return undefined;
  const parsedGroups = parseGroupList(groups);
  if (parsedGroups === undefined) return undefined;
  return { userId, ...(typeof email === 'string' && email !== '' ? { email } : {}), groups: parsedGroups };
}

function parseGroupList(raw: unknown): string[] | undefined {
  if (raw === undefined) return [];
  if (typeof raw !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(raw);
    if (!Array.isArray(value) || value.length > MAX_GROUPS || !value.every((g) => typeof g === 'string')) return undefined;
    return value as string[];
  } catch {
    return undefined;
  }
}

/**
 * The identity in an HTTP API JWT authorizer's claims (`requestContext.authorizer.jwt.claims`).
 * AWS flattens array claims to strings: `cognito:groups` arrives as `"[admins analysts]"`.
 */
export function identityFromJwtClaims(claims: unknown): Identity | undefined {
  if (claims === null || typeof claims !== 'object') return undefined;
  const { sub, email } = claims as Record<string, unknown>;
  if (typeof sub !== 'string' || sub === '') return undefined;
  const groups = flattenedGroups((claims as Record<string, unknown>)['cognito:groups']);
  return { userId: sub, ...(typeof email === 'string' && email !== '' ? { email } : {}), groups };
}

function flattenedGroups(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.filter((g): g is string => typeof g === 'string');
  if (typeof raw !== 'string') return [];
  const inner = raw.startsWith('[') && raw.endsWith(']') ? raw.slice(1, -1) : raw;
  return inner.split(/\s+/).filter(Boolean).slice(0, MAX_GROUPS);
}
