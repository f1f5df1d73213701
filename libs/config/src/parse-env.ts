import type * as z from 'zod/mini';

/** The process environment, or any record shaped like it (tests pass their own). */
export type Env = Readonly<Record<string, string | undefined>>;

/** A configuration section: a zod schema that reads the whole environment and yields a typed value. */
export type EnvSection = z.ZodMiniType<unknown, Env>;
export type EnvShape = Readonly<Record<string, EnvSection>>;
export type ParsedEnv<S extends EnvShape> = { -readonly [K in keyof S]: z.output<S[K]> };

/** A missing or bad variable; `problems` names each one. Values are never included. */
export class ConfigError extends Error {
  readonly code = 'invalid_config';
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once, at start-up, into typed sections.
 *
 * Every section sees the whole environment; problems of all sections are
 * collected into one {@link ConfigError}, naming each variable and never its value.
 * Empty strings count as unset (deployment tools often write `VAR=`).
 *
 * @example
 * const config = parseEnv({ registry: registryEnv, limits: limitsEnv });
 */
export function parseEnv<S extends EnvShape>(shape: S, env: Env = process.env): ParsedEnv<S> {
  const cleaned = withoutEmptyValues(env);
  const problems: string[] = [];
  const parsed: Record<string, unknown> = {};
  for (const [section, schema] of Object.entries(shape)) {
    const result = schema.safeParse(cleaned);
    if (result.success) parsed[section] = result.data;
    else problems.push(...result.error.issues.map(describeIssue));
  }
  if (problems.length > 0) throw new ConfigError([...new Set(problems)]);
  return parsed as ParsedEnv<S>;
}

function withoutEmptyValues(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) if (value !== undefined && value.trim() !== '') out[name] = value;
  return out;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  const variable = issue.path.map(String).join('.') || 'environment';
  return `${variable} ${issue.message}`;
}
