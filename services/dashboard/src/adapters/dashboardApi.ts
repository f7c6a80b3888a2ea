import { apiUrl } from '../domain/apiUrl.js';
import { ApiRequestError } from '../domain/errors.js';
import type { ApiService, DashboardApi, DashboardConfig, TimeRange } from '../domain/types.js';

type Fetch = (
  url: string,
  init?: { method?: string; headers?: Record<string, string>; body?: string },
) => Promise<Response>;

/**
 * The dashboard's APIs over HTTP, each at the base URL the config gives its service. A non-2xx
 * answer or a network failure rejects with ApiRequestError, carrying the contract error's code and
 * message when there is one. Every request carries `apiKey` (report scope).
 *
 * @example
 * const api = httpDashboardApi({}, fetch, 'sdp_3f9c2a71b0d4_…');
 * const { campaigns } = await api.campaignList({ from: hourAgo, to: now }, 5);
 */
export function httpDashboardApi(config: DashboardConfig, fetchFn: Fetch, apiKey: string): DashboardApi {
  const request = async <T>(
    service: ApiService,
    method: 'GET' | 'POST',
    pathAndQuery: string,
    body?: unknown,
  ): Promise<T> => {
    const route = `${method} ${pathAndQuery.split('?', 1)[0]}`;
    let response: Response;
    try {
      response = await fetchFn(apiUrl(config, service, pathAndQuery), {
        method,
        headers: { 'x-api-key': apiKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (error) {
      throw new ApiRequestError(route, 0, { message: (error as Error).message }, { cause: error });
    }
    const text = await response.text();
    const parsed = parseJson(text);
    if (!response.ok) {
      const { code, message } = (parsed ?? {}) as { code?: string; message?: string };
      throw new ApiRequestError(route, response.status, {
        ...(typeof code === 'string' ? { code } : {}),
        ...(typeof message === 'string' ? { message } : {}),
      });
    }
    if (parsed === undefined) throw new ApiRequestError(route, response.status, { message: 'the body is not JSON' });
    return parsed as T;
  };
  const query = (range: TimeRange, extra: Record<string, string> = {}) =>
    new URLSearchParams({ from: range.from.toISOString(), to: range.to.toISOString(), ...extra }).toString();

  return {
    campaignList: (range, limit) =>
      request('report', 'GET', `/reports/campaigns?${query(range, { sort: 'bids', limit: String(limit) })}`),
    minuteReport: (id, range) =>
      request(
        'report',
        'GET',
        `/reports/campaigns/${id}/period?${query(range, { period: 'minute', timezone: 'UTC', desc: 'false' })}`,
      ),
    campaignTotals: (id) => request('report', 'GET', `/reports/campaigns/${id}`),
    productList: (range, limit) =>
      request('report', 'GET', `/reports/products?${query(range, { sort: 'views', limit: String(limit) })}`),
    orphanCounts: () => request('enrich', 'GET', '/orphans?limit=0'),
    failedEventCounts: () => request('ops', 'GET', '/reports/failed-events'),
    modelList: (model) => request('retrain', 'GET', `/models?model=${model}`),
    priceHistory: (id, limit) =>
      request('pricing', 'GET', `/products/${encodeURIComponent(id)}/price-history?limit=${limit}`),
    cost: () => request('ops', 'GET', '/cost'),
    savedQuery: (name, params) => request('lake', 'POST', '/query', { saved: name, ...(params ? { params } : {}) }),
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
