import type { ApiService, DashboardConfig } from './types.js';

const SERVICES: readonly ApiService[] = ['report', 'enrich', 'lake', 'ops', 'retrain', 'pricing'];

/**
 * Checks a parsed `config.json`: base URLs must be http(s) URLs, services must be known. Throws an
 * Error that says what to fix, since a wrong URL would otherwise show as every panel failing.
 *
 * @example
 * parseDashboardConfig({ apiBaseUrls: { report: 'https://abc.execute-api.eu-west-1.amazonaws.com' } })
 */
export function parseDashboardConfig(value: unknown): DashboardConfig {
  if (!isObject(value))
    throw new Error('config.json must be a JSON object, e.g. {"apiBaseUrl":"https://api.example.com"}.');
  const config: DashboardConfig = {};
  if (value.apiBaseUrl !== undefined) config.apiBaseUrl = checkUrl('apiBaseUrl', value.apiBaseUrl);
  if (value.apiBaseUrls !== undefined) {
    if (!isObject(value.apiBaseUrls)) throw new Error('config.json: apiBaseUrls must be an object of service → URL.');
    config.apiBaseUrls = {};
    for (const [service, url] of Object.entries(value.apiBaseUrls)) {
      if (!SERVICES.includes(service as ApiService)) {
        throw new Error(
          `config.json: apiBaseUrls.${service} is not a service the dashboard reads; use ${SERVICES.join(', ')}.`,
        );
      }
      config.apiBaseUrls[service as ApiService] = checkUrl(`apiBaseUrls.${service}`, url);
    }
  }
  return config;
}

function checkUrl(name: string, url: unknown): string {
  if (typeof url !== 'string' || !/^https?:\/\/[^/]/.test(url)) {
    throw new Error(
      `config.json: ${name} must be an http(s) URL such as https://abc.execute-api.us-east-1.amazonaws.com, not ${JSON.stringify(url)}.`,
    );
  }
  return url;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
