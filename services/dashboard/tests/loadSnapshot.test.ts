import { ApiRequestError } from '../src/domain/errors.js';
import { loadSnapshot } from '../src/domain/loadSnapshot.js';
import type { DashboardApi } from '../src/domain/types.js';
import { aggregationOf, minuteReportOf, priceChangeOf, priceHoldOf } from './support/dashboardFixtures.js';

const now = new Date('2026-11-22T06:00:30.000Z');
const notFound = (route: string) =>
  new ApiRequestError(route, 404, { code: 'not_found', message: `No route ${route}` });

const product = (product_id: string, views: number, purchases: number) => ({
  product_id,
  views,
  carts: 0,
  cart_units: 0,
  checkouts: 0,
  purchases,
  units_sold: purchases,
  view_to_cart: 0,
  view_to_purchase: purchases / views,
});

const modelVersion = (version: string) => ({
  version,
  created_at: '2026-11-22T05:00:00.000Z',
  live: true,
  decision: 'promoted' as const,
  reason: 'r',
  metrics: { auc: 0.8, log_loss: 0.4, calibration_error: 0.01, rows: 10, positives: 3 },
  training: {
    from: '2026-11-21T05:00:00.000Z',
    to: '2026-11-22T05:00:00.000Z',
    train_rows: 8,
    validation_rows: 2,
    validation_from: '2026-11-22T04:00:00.000Z',
    labels: 'observed' as const,
  },
  feature_spec: {},
  artifact: `s3://artifacts/models/${version}/model.tar.gz`,
  promotion: {
    status: 'live' as const,
    requested_at: '2026-11-22T05:01:00.000Z',
    finished_at: '2026-11-22T05:06:00.000Z',
  },
});

const notAdmin = new ApiRequestError('GET /cost', 403, {
  code: 'insufficient_scope',
  message: 'This API key lacks the admin scope.',
});

/**
 * The report and orphan APIs answering with six campaigns and two products, sku-001's price raised
 * twice and a move of sku-007's held; the query API missing (404); the key not an admin's.
 */
function reportOnlyApi(): DashboardApi & {
  periodRequests: number[];
  productRequests: string[];
  priceHistoryRequests: string[];
} {
  const campaigns = [6, 5, 4, 3, 2, 1].map((id) =>
    aggregationOf(id, { bids: id * 10, impressions: id, clicks: 1, spend: id * 100 }),
  );
  const periodRequests: number[] = [];
  const productRequests: string[] = [];
  const priceHistoryRequests: string[] = [];
  return {
    periodRequests,
    productRequests,
    priceHistoryRequests,
    campaignList: async (range) => ({
      from: range.from.toISOString(),
      to: range.to.toISOString(),
      sort: 'bids',
      desc: true,
      campaigns,
    }),
    minuteReport: async (id) => {
      periodRequests.push(id);
      return minuteReportOf(id, { '06:00': id * 10 });
    },
    campaignTotals: async (id) => aggregationOf(id, { bids: id * 100, spend: id * 1000 }),
    productList: async (range, limit) => {
      productRequests.push(`${range.from.toISOString()} ${range.to.toISOString()} ${limit}`);
      return {
        from: range.from.toISOString(),
        to: range.to.toISOString(),
        sort: 'views',
        desc: true,
        products: [product('sku-001', 40, 4), product('sku-007', 10, 0)],
      };
    },
    priceHistory: async (productId, limit) => {
      priceHistoryRequests.push(`${productId} ${limit}`);
      return productId === 'sku-001'
        ? {
            product_id: productId,
            changes: [
              priceChangeOf(productId, '2026-11-22T05:50:00.000Z', 10_500, 11_025),
              priceChangeOf(productId, '2026-11-22T05:40:00.000Z', 10_000, 10_500),
            ],
            holds: [],
          }
        : {
            product_id: productId,
            changes: [],
            holds: [priceHoldOf(productId, '2026-11-22T05:45:00.000Z', 2_000, 2_100)],
          };
    },
    orphanCounts: async () => ({
      from: '',
      to: '',
      impressions: { count: 4, tx_ids: [] },
      clicks: { count: 1, tx_ids: [] },
    }),
    failedEventCounts: async () => ({ retrying: 2, failed: 3, replaying: 0, replayed: 1, by_function: [] }),
    savedQuery: async () => Promise.reject(notFound('POST /query')),
    modelList: async (model) =>
      model === 'bid-win' ? { live_version: 'v1', models: [modelVersion('v1')] } : { models: [] },
    cost: async () => Promise.reject(notAdmin),
  };
}

describe('loadSnapshot', () => {
  it('charts the top five campaigns of the last hour and totals all of them', async () => {
    // Prepare
    const api = reportOnlyApi();

    // Act
    const snapshot = await loadSnapshot(api, now);

    // Assess
    expect(api.periodRequests).toStrictEqual([6, 5, 4, 3, 2]);
    expect(snapshot.campaigns.ok && snapshot.campaigns.value).toMatchObject({
      range: { from: new Date('2026-11-22T05:00:30.000Z'), to: now },
      // The last ten minutes are charted, though only the last one has data.
      series: {
        campaigns: [6, 5, 4, 3, 2],
        bids: [60, 50, 40, 30, 20].map((bids) => [0, 0, 0, 0, 0, 0, 0, 0, 0, bids]),
      },
      overall: { campaigns: 6, bids: 210, impressions: 21, clicks: 6, spend: 2100, winRate: 0.1 },
      overallTruncated: false,
    });
    expect(
      snapshot.campaigns.ok &&
        snapshot.campaigns.value.top.map(({ lastHour, allTime }) => [lastHour.bids, allTime.spend]),
    ).toStrictEqual([
      [60, 6000],
      [50, 5000],
      [40, 4000],
      [30, 3000],
      [20, 2000],
    ]);
    expect(snapshot.orphans).toStrictEqual({ ok: true, value: { impressions: 4, clicks: 1 } });
    expect(api.productRequests).toStrictEqual(['2026-11-22T05:00:30.000Z 2026-11-22T06:00:30.000Z 8']);
    expect(snapshot.products).toStrictEqual({
      ok: true,
      value: [product('sku-001', 40, 4), product('sku-007', 10, 0)],
    });
    // The price changes read the products panel's list, not a list of their own.
    expect(api.priceHistoryRequests).toStrictEqual(['sku-001 8', 'sku-007 8']);
    expect(snapshot.priceChanges).toStrictEqual({
      ok: true,
      value: {
        products: 2,
        rows: [
          {
            at: '2026-11-22T05:50:00.000Z',
            productId: 'sku-001',
            oldPriceCents: 10_500,
            newPriceCents: 11_025,
            changePercent: 5,
            modelVersion: 'demand-3',
            reason: 'demand model: 5 %',
            held: false,
          },
          {
            at: '2026-11-22T05:45:00.000Z',
            productId: 'sku-007',
            oldPriceCents: 2_000,
            newPriceCents: 2_100,
            changePercent: 5,
            modelVersion: 'demand-3',
            reason: 'implausible demand: 60 carts against 0 views in the last 5 min, above the cap of 1 per view',
            held: true,
          },
          {
            at: '2026-11-22T05:40:00.000Z',
            productId: 'sku-001',
            oldPriceCents: 10_000,
            newPriceCents: 10_500,
            changePercent: 5,
            modelVersion: 'demand-3',
            reason: 'demand model: 5 %',
            held: false,
          },
        ],
      },
    });
    expect(snapshot.failedEvents).toStrictEqual({ ok: true, value: { failed: 3, retrying: 2, replayed: 1 } });
    expect(snapshot.models).toStrictEqual({
      ok: true,
      value: [
        {
          model: 'bid-win',
          liveVersion: 'v1',
          liveAuc: 0.8,
          pendingVersion: null,
          lastPromotion: { version: 'v1', status: 'live', at: '2026-11-22T05:06:00.000Z', reason: null },
          versions: 1,
        },
        { model: 'demand', liveVersion: null, liveAuc: null, pendingVersion: null, lastPromotion: null, versions: 0 },
      ],
    });
  });

  it('lets the lake panels fail on their own while the query API is missing', async () => {
    // Act
    const snapshot = await loadSnapshot(reportOnlyApi(), now);

    // Assess
    expect(snapshot.eventRates).toStrictEqual({ ok: false, error: notFound('POST /query') });
    expect(snapshot.freshness).toStrictEqual({ ok: false, error: notFound('POST /query') });
    expect(snapshot.bots).toStrictEqual({ ok: false, error: notFound('POST /query') });
    expect(snapshot.campaigns.ok).toBe(true);
  });

  it("counts the last hour's bots apart from people, from the lake's bot_traffic query", async () => {
    // Prepare
    const asked: [string, unknown][] = [];
    const api: DashboardApi = {
      ...reportOnlyApi(),
      savedQuery: async (name, params) => {
        asked.push([name, params]);
        if (name !== 'bot_traffic') throw notFound('POST /query');
        return {
          columns: [],
          rows: [{ kind: 'clickstream', hour: '2026-11-22T05:00:00Z', human_events: 95, bot_events: 5 }],
          truncated: false,
        } as unknown as Awaited<ReturnType<DashboardApi['savedQuery']>>;
      },
    };

    // Act
    const snapshot = await loadSnapshot(api, now);

    // Assess
    expect(snapshot.bots).toStrictEqual({
      ok: true,
      value: {
        clickstream: { human: 95, bot: 5 },
        impressions: { human: 0, bot: 0 },
        clicks: { human: 0, bot: 0 },
      },
    });
    expect(asked.filter(([name]) => name === 'bot_traffic')).toStrictEqual([
      ['bot_traffic', { from: '2026-11-22T05:00:30.000Z', to: '2026-11-22T06:00:30.000Z' }],
    ]);
  });

  it('lets the cost panel fail on its own for a key without the admin scope, and shows the report for one with it', async () => {
    // Prepare
    const report = {
      source: 'local-meter' as const,
      from: '2026-11-22T05:00:00.000Z',
      to: '2026-11-22T06:00:30.000Z',
      prices: { as_of: '2026-12-06', region: 'us-east-1' },
      events_ingested: 1_000,
      total_usd: 0.002,
      usd_per_million_events: 2,
      units: [],
      services: [{ service: 'ingest', usd: 0.002, usage: { lambdaRequest: 10_000 } }],
      not_metered: [],
    };

    // Act
    const withoutAdmin = await loadSnapshot(reportOnlyApi(), now);
    const withAdmin = await loadSnapshot({ ...reportOnlyApi(), cost: async () => report }, now);

    // Assess
    expect(withoutAdmin.cost).toStrictEqual({ ok: false, error: notAdmin });
    expect(withoutAdmin.orphans.ok).toBe(true);
    expect(withAdmin.cost).toStrictEqual({ ok: true, value: report });
  });

  it('fails the campaign panels together when the campaign list cannot be read', async () => {
    // Prepare
    const api = {
      ...reportOnlyApi(),
      campaignList: async () => Promise.reject(new ApiRequestError('GET /reports/campaigns', 500, {})),
    };

    // Act
    const snapshot = await loadSnapshot(api, now);

    // Assess
    expect(snapshot.campaigns).toStrictEqual({
      ok: false,
      error: new ApiRequestError('GET /reports/campaigns', 500, {}),
    });
    expect(snapshot.orphans.ok).toBe(true);
    expect(snapshot.products.ok).toBe(true);
  });

  it('fails the price changes with the products list they read, and alone when a price history cannot be read', async () => {
    // Prepare
    const listDown = new ApiRequestError('GET /reports/products', 503, { message: 'Service Unavailable' });
    const historyDown = new ApiRequestError('GET /products/sku-007/price-history', 500, { code: 'internal' });
    const withoutList = { ...reportOnlyApi(), productList: async () => Promise.reject(listDown) };
    const withoutHistory = reportOnlyApi();
    const readHistory = withoutHistory.priceHistory;
    withoutHistory.priceHistory = async (productId, limit) =>
      productId === 'sku-007' ? Promise.reject(historyDown) : readHistory(productId, limit);

    // Act
    const [listFailed, historyFailed] = await Promise.all([
      loadSnapshot(withoutList, now),
      loadSnapshot(withoutHistory, now),
    ]);

    // Assess
    expect([listFailed.products, listFailed.priceChanges]).toStrictEqual([
      { ok: false, error: listDown },
      { ok: false, error: listDown },
    ]);
    expect(withoutList.priceHistoryRequests).toStrictEqual([]);
    expect(historyFailed.priceChanges).toStrictEqual({ ok: false, error: historyDown });
    expect([historyFailed.products.ok, historyFailed.models.ok, historyFailed.campaigns.ok]).toStrictEqual([
      true,
      true,
      true,
    ]);
  });
});
