import { httpDashboardApi } from '../src/adapters/dashboardApi.js';
import { ApiRequestError } from '../src/domain/errors.js';

type Call = { url: string; method: string; key: string | undefined; body: unknown };

/** A fetch that records each call and answers `status` with `body`. */
function fakeFetch(status: number, body: unknown) {
  const calls: Call[] = [];
  const fetchFn = async (
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  ) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      key: init.headers?.['x-api-key'],
      body: init.body === undefined ? undefined : JSON.parse(init.body),
    });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  };
  return { calls, fetchFn };
}

const KEY = 'sdp_3f9c2a71b0d4_000000000000000000000000000000000000000000000000';
const range = { from: new Date('2026-11-22T05:00:00.000Z'), to: new Date('2026-11-22T06:00:00.000Z') };

describe('httpDashboardApi', () => {
  it('asks each API for exactly what the panels need, at each service’s base URL, with the key', async () => {
    // Prepare
    const { calls, fetchFn } = fakeFetch(200, {});
    const api = httpDashboardApi(
      { apiBaseUrls: { lake: 'https://lake.example.com', pricing: 'https://pricing.example.com/prod' } },
      fetchFn,
      KEY,
    );

    // Act
    await api.campaignList(range, 1000);
    await api.minuteReport(7, range);
    await api.campaignTotals(7);
    await api.productList(range, 8);
    await api.orphanCounts();
    await api.failedEventCounts();
    await api.priceHistory('sku-013', 8);
    await api.cost();
    await api.savedQuery('events_per_second', { seconds: 120 });

    // Assess
    expect(calls).toStrictEqual([
      {
        method: 'GET',
        url: '/reports/campaigns?from=2026-11-22T05%3A00%3A00.000Z&to=2026-11-22T06%3A00%3A00.000Z&sort=bids&limit=1000',
        key: KEY,
        body: undefined,
      },
      {
        method: 'GET',
        url: '/reports/campaigns/7/period?from=2026-11-22T05%3A00%3A00.000Z&to=2026-11-22T06%3A00%3A00.000Z&period=minute&timezone=UTC&desc=false',
        key: KEY,
        body: undefined,
      },
      { method: 'GET', url: '/reports/campaigns/7', key: KEY, body: undefined },
      {
        method: 'GET',
        url: '/reports/products?from=2026-11-22T05%3A00%3A00.000Z&to=2026-11-22T06%3A00%3A00.000Z&sort=views&limit=8',
        key: KEY,
        body: undefined,
      },
      { method: 'GET', url: '/orphans?limit=0', key: KEY, body: undefined },
      { method: 'GET', url: '/reports/failed-events', key: KEY, body: undefined },
      {
        method: 'GET',
        url: 'https://pricing.example.com/prod/products/sku-013/price-history?limit=8',
        key: KEY,
        body: undefined,
      },
      { method: 'GET', url: '/cost', key: KEY, body: undefined },
      {
        method: 'POST',
        url: 'https://lake.example.com/query',
        key: KEY,
        body: { saved: 'events_per_second', params: { seconds: 120 } },
      },
    ]);
  });

  it('rejects an error answer with the contract error’s code and message', async () => {
    // Prepare
    const { fetchFn } = fakeFetch(400, {
      code: 'invalid_query',
      message: 'Unknown saved query nope.',
      request_id: 'r-1',
    });

    // Act
    const error = await httpDashboardApi({}, fetchFn, KEY)
      .savedQuery('nope')
      .catch((caught: unknown) => caught);

    // Assess
    expect(error).toBeInstanceOf(ApiRequestError);
    expect(error).toMatchObject({
      status: 400,
      code: 'invalid_query',
      route: 'POST /query',
      message: 'POST /query answered 400 invalid_query: Unknown saved query nope.',
    });
  });

  it('rejects an API it cannot reach, and a 2xx body that is not JSON', async () => {
    // Prepare
    const unreachable = async () => Promise.reject(new TypeError('Failed to fetch'));
    const { fetchFn: notJson } = fakeFetch(200, '<html>');

    // Act
    const errors = await Promise.all([
      httpDashboardApi({}, unreachable, KEY)
        .orphanCounts()
        .catch((caught: Error) => caught.message),
      httpDashboardApi({}, notJson, KEY)
        .campaignTotals(7)
        .catch((caught: Error) => caught.message),
    ]);

    // Assess
    expect(errors).toStrictEqual([
      'GET /orphans could not be reached: Failed to fetch',
      'GET /reports/campaigns/7 answered 200: the body is not JSON',
    ]);
  });
});
