import {
  CAMPAIGN_LIST_LIMIT,
  EVENT_RATE_SECONDS,
  MIN_CAMPAIGN_CHART_MINUTES,
  PRICE_CHANGE_ROWS,
  SETTLING_SECONDS,
  TOP_CAMPAIGNS,
  TOP_CAMPAIGNS_RANGE_MS,
  TOP_PRODUCTS,
} from './constants.js';
import { sumCampaigns } from './sumCampaigns.js';
import { toBotCounts } from './toBotCounts.js';
import { toCampaignSeries } from './toCampaignSeries.js';
import { toEventRateSeries } from './toEventRateSeries.js';
import { toFreshnessRows } from './toFreshnessRows.js';
import { toModelRows, type ModelRow } from './toModelRows.js';
import { toPriceChangeRows, type PriceChangeRow } from './toPriceChangeRows.js';
import type {
  Aggregation,
  BotCounts,
  CostReport,
  CampaignSeries,
  CampaignTotals,
  DashboardApi,
  EventRateSeries,
  FreshnessRow,
  ModelName,
  ProductActivity,
  TimeRange,
} from './types.js';

const MODELS: readonly ModelName[] = ['bid-win', 'demand'];

/** One panel's data, or why there is none; a panel fails alone. */
export type PanelResult<T> = { ok: true; value: T } | { ok: false; error: Error };

export interface CampaignsPanel {
  range: TimeRange;
  series: CampaignSeries;
  /** The top campaigns: last hour's counts and all-time totals */
  top: { lastHour: Aggregation; allTime: Aggregation }[];
  overall: CampaignTotals;
  /** True when the list hit its limit, so `overall` covers only the most active campaigns */
  overallTruncated: boolean;
}

export interface PriceChangesPanel {
  /** How many products' price histories were read: the top products panel's */
  products: number;
  /** Their newest price moves, changes and held moves, newest first */
  rows: PriceChangeRow[];
}

export interface DashboardSnapshot {
  at: Date;
  eventRates: PanelResult<EventRateSeries>;
  campaigns: PanelResult<CampaignsPanel>;
  /** The shop's most viewed products of the last hour, with their conversion */
  products: PanelResult<ProductActivity[]>;
  /** The newest price changes and held moves of those products */
  priceChanges: PanelResult<PriceChangesPanel>;
  orphans: PanelResult<{ impressions: number; clicks: number }>;
  /** Bots' and people's clickstream events, impressions and clicks of the last hour, from the lake */
  bots: PanelResult<BotCounts>;
  failedEvents: PanelResult<{ failed: number; retrying: number; replayed: number }>;
  freshness: PanelResult<FreshnessRow[]>;
  /** Each model's live version, the one being promoted, and how its newest promotion went */
  models: PanelResult<ModelRow[]>;
  /** What the platform would cost on AWS so far; fails alone for a key without the admin scope */
  cost: PanelResult<CostReport>;
}

/**
 * Everything the dashboard shows at `now`, read through the public APIs in parallel: events/s from
 * the lake, the top campaigns by bids over the last hour with their per-minute counts and totals,
 * the shop's most viewed products of the last hour and their newest price changes, the last hour's
 * bot traffic beside people's, orphan and
 * failed-event counts, the lake's freshness, the models and their promotions, and what the platform
 * would cost on AWS. The products list is read once: the price changes panel reads the price history
 * of the products it lists (no API lists changes across products), and fails with it.
 *
 * @example
 * const snapshot = await loadSnapshot(httpDashboardApi({}, fetch), new Date());
 * if (snapshot.campaigns.ok) console.log(snapshot.campaigns.value.overall.winRate);
 */
export async function loadSnapshot(api: DashboardApi, now: Date): Promise<DashboardSnapshot> {
  const lastHour = { from: new Date(now.getTime() - TOP_CAMPAIGNS_RANGE_MS), to: now };
  const topProducts = api.productList(lastHour, TOP_PRODUCTS).then((list) => list.products);
  const [eventRates, campaigns, products, priceChanges, orphans, bots, failedEvents, freshness, models, cost] =
    await Promise.all([
      settle(
        api
          .savedQuery('events_per_second', { seconds: EVENT_RATE_SECONDS })
          .then((result) =>
            toEventRateSeries(result.rows, { now, seconds: EVENT_RATE_SECONDS, settlingSeconds: SETTLING_SECONDS }),
          ),
      ),
      settle(loadCampaigns(api, lastHour)),
      settle(topProducts),
      settle(topProducts.then((list) => loadPriceChanges(api, list))),
      settle(
        api.orphanCounts().then((report) => ({ impressions: report.impressions.count, clicks: report.clicks.count })),
      ),
      settle(
        api
          .savedQuery('bot_traffic', { from: lastHour.from.toISOString(), to: lastHour.to.toISOString() })
          .then((result) => toBotCounts(result.rows)),
      ),
      settle(api.failedEventCounts().then(({ failed, retrying, replayed }) => ({ failed, retrying, replayed }))),
      settle(api.savedQuery('pipeline_freshness').then((result) => toFreshnessRows(result.rows))),
      settle(Promise.all(MODELS.map(async (model) => ({ model, list: await api.modelList(model) }))).then(toModelRows)),
      settle(api.cost()),
    ]);
  return {
    at: now,
    eventRates,
    campaigns,
    products,
    priceChanges,
    orphans,
    bots,
    failedEvents,
    freshness,
    models,
    cost,
  };
}

async function loadPriceChanges(api: DashboardApi, products: readonly ProductActivity[]): Promise<PriceChangesPanel> {
  const histories = await Promise.all(
    products.map((product) => api.priceHistory(product.product_id, PRICE_CHANGE_ROWS)),
  );
  return { products: products.length, rows: toPriceChangeRows(histories, PRICE_CHANGE_ROWS) };
}

async function loadCampaigns(api: DashboardApi, range: TimeRange): Promise<CampaignsPanel> {
  const { campaigns } = await api.campaignList(range, CAMPAIGN_LIST_LIMIT);
  const top = campaigns.slice(0, TOP_CAMPAIGNS);
  const [reports, allTime] = await Promise.all([
    Promise.all(top.map((campaign) => api.minuteReport(campaign.campaign_item_id, range))),
    Promise.all(top.map((campaign) => api.campaignTotals(campaign.campaign_item_id))),
  ]);
  return {
    range,
    series: toCampaignSeries(reports, range, MIN_CAMPAIGN_CHART_MINUTES),
    top: top.map((lastHour, i) => ({ lastHour, allTime: allTime[i]! })),
    overall: sumCampaigns(campaigns),
    overallTruncated: campaigns.length >= CAMPAIGN_LIST_LIMIT,
  };
}

function settle<T>(promise: Promise<T>): Promise<PanelResult<T>> {
  return promise.then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error: error instanceof Error ? error : new Error(String(error)) }),
  );
}
