import type { ApiService, DashboardConfig } from './types.js';

/**
 * The URL of an API path for the service that serves it: its own base URL from the config, else the
 * shared one, else the page's own origin (a path alone).
 *
 * @example
 * apiUrl({ apiBaseUrls: { lake: 'https://q.example.com/' } }, 'lake', '/query')  // 'https://q.example.com/query'
 * apiUrl({}, 'report', '/reports/campaigns?limit=5')                             // '/reports/campaigns?limit=5'
 */
export function apiUrl(config: DashboardConfig, service: ApiService, pathAndQuery: string): string {
  const base = config.apiBaseUrls?.[service] ?? config.apiBaseUrl ?? '';
  return base.replace(/\/+$/, '') + pathAndQuery;
}
