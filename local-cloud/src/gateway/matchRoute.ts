export interface RouteDefinition<T> {
  method: string;
  path: string;
  target: T;
}

export interface CompiledRoute<T> extends RouteDefinition<T> {
  routeKey: string;
  pattern: RegExp;
  parameterNames: string[];
  specificity: number[];
}

export type RouteMatch<T> =
  | { kind: 'matched'; route: CompiledRoute<T>; pathParameters: Record<string, string> }
  | { kind: 'method_not_allowed'; allowed: string[] }
  | { kind: 'bad_path'; detail: string }
  | { kind: 'not_found' };

/**
 * Compiles HTTP API route keys (`POST /bid`, `GET /reports/campaigns/{campaign_item_id}`,
 * `ANY /files/{proxy+}`, `$default`) and matches requests the way API Gateway does: the most
 * specific path wins, literal segments before parameters before greedy ones.
 */
export function compileRoutes<T>(routes: readonly RouteDefinition<T>[]): CompiledRoute<T>[] {
  return routes
    .map((route) => {
      const parameterNames: string[] = [];
      const specificity: number[] = [];
      if (route.path === '*') {
        return { ...route, routeKey: '$default', pattern: /^.*$/s, parameterNames, specificity: [-1] };
      }
      const source = route.path
        .split('/')
        .filter(Boolean)
        .map((segment) => {
          const greedy = /^\{(\w+)\+\}$/.exec(segment);
          if (greedy) return (parameterNames.push(greedy[1]!), specificity.push(0), '/(.+)');
          const parameter = /^\{(\w+)\}$/.exec(segment);
          if (parameter) return (parameterNames.push(parameter[1]!), specificity.push(1), '/([^/]+)');
          specificity.push(2);
          return '/' + segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        })
        .join('');
      const routeKey = `${route.method === '*' ? 'ANY' : route.method} ${route.path}`;
      return { ...route, routeKey, pattern: new RegExp(`^${source || '/'}/?$`), parameterNames, specificity };
    })
    .sort(
      (a, b) => compareSpecificity(b.specificity, a.specificity) || Number(a.method === '*') - Number(b.method === '*'),
    );
}

export function matchRoute<T>(routes: readonly CompiledRoute<T>[], method: string, path: string): RouteMatch<T> {
  const allowed = new Set<string>();
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (!match) continue;
    if (route.method !== '*' && route.method !== method) {
      if (route.routeKey !== '$default') allowed.add(route.method);
      continue;
    }
    const pathParameters: Record<string, string> = {};
    try {
      route.parameterNames.forEach((name, index) => (pathParameters[name] = decodeURIComponent(match[index + 1]!)));
    } catch {
      return { kind: 'bad_path', detail: `the path ${path} has a malformed percent-escape` };
    }
    return { kind: 'matched', route, pathParameters };
  }
  return allowed.size > 0 ? { kind: 'method_not_allowed', allowed: [...allowed].sort() } : { kind: 'not_found' };
}

function compareSpecificity(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? -1) - (b[i] ?? -1);
    if (difference !== 0) return difference;
  }
  return 0;
}
