import { localKinesisClient } from '../local-cloud/src/clients.js';
import { generateClickstream } from './support/clickstream/generateClickstream.js';
import { productDemandOracle, type ExpectedProductWindow } from './support/clickstream/productDemandOracle.js';
import { readWholeStream } from './support/readWholeStream.js';
import { CLOUD_START_TIMEOUT_MS, startTestCloud, type TestCloud } from './support/startTestCloud.js';
import { waitForIdlePipeline } from './support/waitForIdlePipeline.js';

const PRODUCT_WINDOWS_STREAM = 'sdp-demand-local-product-windows';
const MINUTE_MS = 60_000;
const COUNTS = ['views', 'carts', 'cart_units', 'checkouts', 'purchases', 'units_sold'] as const;

interface Activity extends ExpectedProductWindow {
  product_id: string;
  period?: string;
  view_to_cart: number;
  view_to_purchase: number;
}

const countsOf = (row: ExpectedProductWindow) => Object.fromEntries(COUNTS.map((name) => [name, row[name]]));
const sum = (windows: Iterable<ExpectedProductWindow>) => {
  const total = { views: 0, carts: 0, cart_units: 0, checkouts: 0, purchases: 0, units_sold: 0 };
  for (const window of windows) for (const name of COUNTS) total[name] += window[name];
  return total;
};

describe('product demand of a shop clickstream through the local cloud', () => {
  let cloud: TestCloud;

  const post = async (events: readonly unknown[]) => {
    const response = await cloud.fetch('/clickstream', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ events }) });
    const body = (await response.json()) as { accepted: number; rejected: number };
    expect({ status: response.status, rejected: body.rejected }).toStrictEqual({ status: 200, rejected: 0 });
    return body.accepted;
  };
  const getJson = async <T>(pathAndQuery: string) => {
    const response = await cloud.fetch(pathAndQuery);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };

  beforeAll(async () => {
    cloud = await startTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('counts every product view, cart, checkout and purchase once per window, as an oracle of the posted clickstream does', async () => {
    // Prepare: out-of-order arrivals with copies, and then a client that resends a tenth of it
    const startMs = Date.now() - 40 * MINUTE_MS;
    const workload = generateClickstream({ users: 100, seed: 4242, gapMs: 10_000, startMs });
    const resent = workload.arrivals.filter((_, i) => i % 10 === 3);
    const expected = productDemandOracle(workload.arrivals, MINUTE_MS);
    const range = `from=${new Date(startMs - 60 * MINUTE_MS).toISOString()}&to=${new Date(Date.now() + 60 * MINUTE_MS).toISOString()}`;

    // Act
    let accepted = 0;
    for (let start = 0, size = 1; start < workload.arrivals.length; start += size, size = 1 + ((start * 7919) % 250)) {
      accepted += await post(workload.arrivals.slice(start, start + size));
    }
    for (let start = 0; start < resent.length; start += 500) accepted += await post(resent.slice(start, start + 500));
    await waitForIdlePipeline(cloud);

    // Assess: per product and minute, and the totals with their conversion
    expect(accepted).toBe(workload.arrivals.length + resent.length);
    expect(expected.size).toBe(12);
    const mismatches: unknown[] = [];
    for (const [productId, windows] of expected) {
      const report = await getJson<{ totals: Activity; buckets: Activity[] }>(`/reports/products/${productId}?period=minute&desc=false&${range}`);
      const actual = report.buckets.map((bucket) => ({ start: Date.parse(bucket.period!), ...countsOf(bucket) }));
      const wanted = [...windows].sort(([a], [b]) => a - b).map(([start, window]) => ({ start, ...countsOf(window) }));
      if (JSON.stringify(actual) !== JSON.stringify(wanted)) mismatches.push({ productId, actual, wanted });
      const total = sum(windows.values());
      expect(report.totals).toStrictEqual({ product_id: productId, ...total, view_to_cart: total.carts / total.views, view_to_purchase: total.purchases / total.views });
    }
    expect(mismatches).toStrictEqual([]);

    // The ranking orders the same totals; hours in a half-hour zone regroup them without loss.
    const list = await getJson<{ products: Activity[] }>(`/reports/products?sort=purchases&limit=5&${range}`);
    const byPurchases = [...expected].map(([productId, windows]) => ({ product_id: productId, ...sum(windows.values()) }));
    byPurchases.sort((a, b) => b.purchases - a.purchases || (a.product_id < b.product_id ? -1 : 1));
    expect(list.products.map((p) => ({ product_id: p.product_id, ...countsOf(p) }))).toStrictEqual(byPurchases.slice(0, 5));
    const [hot] = expected.keys();
    const hourly = await getJson<{ buckets: Activity[] }>(`/reports/products/${hot}?period=hour&timezone=Asia/Kolkata&${range}`);
    expect(hourly.buckets.every((bucket) => /T\d\d:00:00\+05:30$/.test(bucket.period!))).toBe(true);
    expect(sum(hourly.buckets)).toStrictEqual(sum(expected.get(hot!)!.values()));

    // The product windows stream carries every version; the highest of each window is the count.
    const latest = new Map<string, ExpectedProductWindow & { version: number }>();
    for (const { data } of await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), PRODUCT_WINDOWS_STREAM)) {
      const window = data as ExpectedProductWindow & { product_id: string; window_start: string; version: number };
      const key = `${window.product_id} ${Date.parse(window.window_start)}`;
      const known = latest.get(key);
      if (!known || known.version < window.version) latest.set(key, window);
    }
    const streamed = [...latest].map(([key, window]) => `${key} ${JSON.stringify(countsOf(window))}`).sort();
    const oracle = [...expected].flatMap(([productId, windows]) => [...windows].map(([start, window]) => `${productId} ${start} ${JSON.stringify(countsOf(window))}`)).sort();
    expect(streamed).toStrictEqual(oracle);

    // The lake has every clickstream event and the same counts in its product_windows view.
    const lake = async (sql: string) => {
      const response = await cloud.fetch('/query', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sql, limit: 10_000 }) });
      expect(response.status).toBe(200);
      return ((await response.json()) as { rows: Record<string, unknown>[] }).rows;
    };
    const [landed] = await lake("SELECT count(*) AS events FROM clickstream_events WHERE user_id LIKE 'shopper-%'");
    expect(Number(landed!.events)).toBe(accepted);
    const lakeWindows = await lake(`SELECT product_id, epoch_ms(window_start) AS start, ${COUNTS.join(', ')} FROM product_windows`);
    const fromLake = lakeWindows.map((row) => `${String(row.product_id)} ${Number(row.start)} ${JSON.stringify(Object.fromEntries(COUNTS.map((name) => [name, Number(row[name])])))}`).sort();
    expect(fromLake).toStrictEqual(oracle);
  }, 600_000);

  it('answers bad report requests with 400 invalid_request naming what to fix, and zeros for a product without activity', async () => {
    // Act
    const badId = await cloud.fetch('/reports/products/a%20b');
    const badSort = await cloud.fetch('/reports/products?sort=revenue');
    const backwards = await cloud.fetch('/reports/products/sku-001?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z');
    const quiet = await getJson<{ totals: Activity; buckets: Activity[] }>('/reports/products/sku-never-seen');

    // Assess
    const problem = async (response: Response) => ({ status: response.status, ...((await response.json()) as { code: string; message: string }) });
    expect(await problem(badId)).toMatchObject({ status: 400, code: 'invalid_request', message: expect.stringContaining('product_id') });
    expect(await problem(badSort)).toMatchObject({ status: 400, code: 'invalid_request', message: expect.stringContaining('sort') });
    expect(await problem(backwards)).toMatchObject({ status: 400, code: 'invalid_request', message: expect.stringContaining('from must be before to') });
    expect(quiet).toMatchObject({ totals: { product_id: 'sku-never-seen', views: 0, purchases: 0, view_to_purchase: 0 }, buckets: [] });
  }, 60_000);
});
