import { localKinesisClient } from '@sdp/local-cloud';
import { generateClickstream } from '../fixtures/clickstream/generateClickstream.js';
import { productDemandOracle, type ExpectedProductWindow } from '../fixtures/clickstream/productDemandOracle.js';
import { NAMESPACES } from './support/namespaces.js';
import { readWholeStream } from './support/readWholeStream.js';
import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';
import { lakeRows } from './support/platformReads.js';

const PRODUCT_WINDOWS_STREAM = 'sdp-demand-local-product-windows';
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** The suite's shoppers, products and time (test/support/namespaces.ts): the cloud is shared with other suites */
const { userPrefix: USER_PREFIX, productPrefix: PRODUCT_PREFIX, eventsHoursAgo: EVENTS_HOURS_AGO } = NAMESPACES.demand;
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
    const response = await cloud.fetch('/clickstream', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events }),
    });
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
    cloud = await sharedTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('counts every product view, cart, checkout and purchase once per window, as an oracle of the posted clickstream does', async () => {
    // Prepare: out-of-order arrivals with copies, and then a client that resends a tenth of it. The
    // events are a day old, a time only this suite posts to, so that every product active in the range
    // and every window in it is the suite's own; whole reads take those and the suite's products.
    const startMs = Date.now() - EVENTS_HOURS_AGO * HOUR_MS;
    const workload = generateClickstream({
      users: 100,
      seed: 4242,
      gapMs: 10_000,
      startMs,
      userPrefix: `${USER_PREFIX}shopper-`,
      productPrefix: PRODUCT_PREFIX,
    });
    const resent = workload.arrivals.filter((_, i) => i % 10 === 3);
    const expected = productDemandOracle(workload.arrivals, MINUTE_MS);
    const [fromMs, toMs] = [startMs - 60 * MINUTE_MS, startMs + 100 * MINUTE_MS];
    const range = `from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}`;
    const isOurs = (productId: string, windowStartMs: number) =>
      productId.startsWith(PRODUCT_PREFIX) || (windowStartMs >= fromMs && windowStartMs < toMs);

    // Act
    let accepted = 0;
    for (let start = 0, size = 1; start < workload.arrivals.length; start += size, size = 1 + ((start * 7919) % 250)) {
      accepted += await post(workload.arrivals.slice(start, start + size));
    }
    for (let start = 0; start < resent.length; start += 500) accepted += await post(resent.slice(start, start + 500));
    await cloud.waitForIdle();

    // Assess: per product and minute, and the totals with their conversion
    expect(accepted).toBe(workload.arrivals.length + resent.length);
    expect(expected.size).toBe(12);
    const mismatches: unknown[] = [];
    for (const [productId, windows] of expected) {
      const report = await getJson<{ totals: Activity; buckets: Activity[] }>(
        `/reports/products/${productId}?period=minute&desc=false&${range}`,
      );
      const actual = report.buckets.map((bucket) => ({ start: Date.parse(bucket.period!), ...countsOf(bucket) }));
      const wanted = [...windows].sort(([a], [b]) => a - b).map(([start, window]) => ({ start, ...countsOf(window) }));
      if (JSON.stringify(actual) !== JSON.stringify(wanted)) mismatches.push({ productId, actual, wanted });
      const total = sum(windows.values());
      expect(report.totals).toStrictEqual({
        product_id: productId,
        ...total,
        view_to_cart: total.carts / total.views,
        view_to_purchase: total.purchases / total.views,
      });
    }
    expect(mismatches).toStrictEqual([]);

    // The ranking orders the same totals; hours in a half-hour zone regroup them without loss.
    const list = await getJson<{ products: Activity[] }>(`/reports/products?sort=purchases&limit=5&${range}`);
    const byPurchases = [...expected].map(([productId, windows]) => ({
      product_id: productId,
      ...sum(windows.values()),
    }));
    byPurchases.sort((a, b) => b.purchases - a.purchases || (a.product_id < b.product_id ? -1 : 1));
    expect(list.products.map((p) => ({ product_id: p.product_id, ...countsOf(p) }))).toStrictEqual(
      byPurchases.slice(0, 5),
    );
    const [hot] = expected.keys();
    const hourly = await getJson<{ buckets: Activity[] }>(
      `/reports/products/${hot}?period=hour&timezone=Asia/Kolkata&${range}`,
    );
    expect(hourly.buckets.every((bucket) => /T\d\d:00:00\+05:30$/.test(bucket.period!))).toBe(true);
    expect(sum(hourly.buckets)).toStrictEqual(sum(expected.get(hot!)!.values()));

    // The product windows stream carries every version; the highest of each window is the count.
    const latest = new Map<string, ExpectedProductWindow & { version: number }>();
    for (const { data } of await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), PRODUCT_WINDOWS_STREAM)) {
      const window = data as ExpectedProductWindow & { product_id: string; window_start: string; version: number };
      if (!isOurs(window.product_id, Date.parse(window.window_start))) continue;
      const key = `${window.product_id} ${Date.parse(window.window_start)}`;
      const known = latest.get(key);
      if (!known || known.version < window.version) latest.set(key, window);
    }
    const streamed = [...latest].map(([key, window]) => `${key} ${JSON.stringify(countsOf(window))}`).sort();
    const oracle = [...expected]
      .flatMap(([productId, windows]) =>
        [...windows].map(([start, window]) => `${productId} ${start} ${JSON.stringify(countsOf(window))}`),
      )
      .sort();
    expect(streamed).toStrictEqual(oracle);

    // The lake has every clickstream event and the same counts in its product_windows view.
    const lake = (sql: string) => lakeRows(cloud, sql);
    const inRange = (column: string) => `(epoch_ms(${column}) >= ${fromMs} AND epoch_ms(${column}) < ${toMs})`;
    const [landed] = await lake(
      `SELECT count(*) AS events FROM clickstream_events WHERE user_id LIKE '${USER_PREFIX}%' OR ${inRange('event_time')}`,
    );
    expect(Number(landed!.events)).toBe(accepted);
    const lakeWindows = await lake(
      `SELECT product_id, epoch_ms(window_start) AS start, ${COUNTS.join(', ')} FROM product_windows WHERE product_id LIKE '${PRODUCT_PREFIX}%' OR ${inRange('window_start')}`,
    );
    const fromLake = lakeWindows
      .map(
        (row) =>
          `${String(row.product_id)} ${Number(row.start)} ${JSON.stringify(Object.fromEntries(COUNTS.map((name) => [name, Number(row[name])])))}`,
      )
      .sort();
    expect(fromLake).toStrictEqual(oracle);
  }, 600_000);

  it('answers bad report requests with 400 invalid_request naming what to fix, and zeros for a product without activity', async () => {
    // Act
    const badId = await cloud.fetch('/reports/products/a%20b');
    const badSort = await cloud.fetch('/reports/products?sort=revenue');
    const backwards = await cloud.fetch(
      `/reports/products/${PRODUCT_PREFIX}001?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    const quiet = await getJson<{ totals: Activity; buckets: Activity[] }>(
      `/reports/products/${PRODUCT_PREFIX}never-seen`,
    );

    // Assess
    const problem = async (response: Response) => ({
      status: response.status,
      ...((await response.json()) as { code: string; message: string }),
    });
    expect(await problem(badId)).toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: expect.stringContaining('product_id'),
    });
    expect(await problem(badSort)).toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: expect.stringContaining('sort'),
    });
    expect(await problem(backwards)).toMatchObject({
      status: 400,
      code: 'invalid_request',
      message: expect.stringContaining('from must be before to'),
    });
    expect(quiet).toMatchObject({
      totals: { product_id: `${PRODUCT_PREFIX}never-seen`, views: 0, purchases: 0, view_to_purchase: 0 },
      buckets: [],
    });
  }, 60_000);
});
