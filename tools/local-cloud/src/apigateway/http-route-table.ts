import type { HttpRoute } from '@redwire/system';

export interface RouteMatch {
  readonly routeKey: string;
  readonly function: string;
  readonly pathParameters: Record<string, string> | undefined;
}

interface CompiledRoute {
  readonly method: string;
  readonly routeKey: string;
  readonly function: string;
  readonly regex: RegExp;
  readonly names: readonly string[];
  /** Literal characters: more specific routes win, as in API Gateway. */
  readonly literalLength: number;
}

/** HTTP API route matching: `METHOD /path/{param}`, the most specific literal path first. */
export class HttpRouteTable {
  private readonly routes: CompiledRoute[] = [];

  add(route: HttpRoute, fn: string): void {
    const names: string[] = [];
    const source = route.path
      .split('/')
      .map((segment) =>
        segment.replace(/\{([^}]+)\}|[^{}]+/g, (part, name?: string) => {
          if (name) {
            names.push(name);
            return '([^/]+)';
          }
          return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        }),
      )
      .join('/');
    this.routes.push({
      method: route.method,
      routeKey: `${route.method} ${route.path}`,
      function: fn,
      regex: new RegExp(`^${source}$`),
      names,
      literalLength: route.path.replace(/\{[^}]+\}/g, '').length,
    });
    this.routes.sort((a, b) => b.literalLength - a.literalLength);
  }

  /** Matches a request; `undefined` when no route fits. */
  match(method: string, path: string): RouteMatch | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      const m = route.regex.exec(path);
      if (!m) continue;
      const params = route.names.map((name, i) => {
        const raw = m[i + 1] ?? '';
        let value = raw;
        try {
          value = decodeURIComponent(raw);
        } catch {
          // keep the raw segment, as API Gateway passes undecodable text through
        }
        return [name, value] as const;
      });
      return { routeKey: route.routeKey, function: route.function, pathParameters: params.length ? Object.fromEntries(params) : undefined };
    }
    return undefined;
  }

  /** Number of routes. */
  get size(): number {
    return this.routes.length;
  }
}
