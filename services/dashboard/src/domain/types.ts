import type { components } from '@sdp/shared-contract';

type Schemas = components['schemas'];
export type Aggregation = Schemas['Aggregation'];
export type CampaignList = Schemas['CampaignList'];
export type PeriodReport = Schemas['PeriodReport'];
export type OrphanReport = Schemas['OrphanReport'];
export type QueryResult = Schemas['QueryResult'];
export type FailedEventCounts = Schemas['FailedEventCounts'];
export type ProductActivity = Schemas['ProductActivity'];
export type ProductList = Schemas['ProductList'];
export type CostReport = Schemas['CostReport'];
export type ModelList = Schemas['ModelList'];
export type PriceChange = Schemas['PriceChange'];
export type PriceHold = Schemas['PriceHold'];
export type PriceHistory = Schemas['PriceHistory'];

/** The models the retrain service trains: the bid-win model of predictions, the demand model of pricing. */
export type ModelName = 'bid-win' | 'demand';

/** The public HTTP APIs the dashboard reads, by the service that serves them. */
export type ApiService = 'report' | 'enrich' | 'lake' | 'ops' | 'retrain' | 'pricing';

/**
 * `config.json` next to the page. Absent (as locally), every API is on the page's own origin. On
 * AWS each service has its own HTTP API URL, so each can be given; `apiBaseUrl` covers the rest
 * (e.g. one custom domain in front of every service).
 */
export interface DashboardConfig {
  apiBaseUrl?: string;
  apiBaseUrls?: Partial<Record<ApiService, string>>;
}

export type EventType = 'bid' | 'imp' | 'click';

/** A row of the `events_per_second` saved query. */
export interface EventRateRow {
  second: string;
  type: EventType;
  events: number;
}

/** Per second (Unix seconds, as uPlot's time axis wants them), events of each type; null = not landed yet. */
export interface EventRateSeries {
  seconds: number[];
  events: Record<EventType, (number | null)[]>;
}

/** What bots and people sent, per kind of event: the `bot_traffic` saved query's rows summed. */
export type BotCounts = Record<'clickstream' | 'impressions' | 'clicks', { human: number; bot: number }>;

/** A row of the `pipeline_freshness` saved query: how far behind each lake table is. */
export interface FreshnessRow {
  tableName: string;
  newestEvent: string | null;
  lagMs: number | null;
  landingP50Ms: number | null;
  landingP95Ms: number | null;
  rowsLast5Min: number;
}

/** Per minute (Unix seconds), each campaign's bids, impressions and clicks; campaigns in rank order. */
export interface CampaignSeries {
  minutes: number[];
  campaigns: number[];
  bids: number[][];
  impressions: number[][];
  clicks: number[][];
}

/** Counts summed over campaigns, with the rates the contract defines (0 when the divisor is 0). */
export interface CampaignTotals {
  campaigns: number;
  bids: number;
  impressions: number;
  clicks: number;
  spend: number;
  winRate: number;
  ctr: number;
}

export interface TimeRange {
  from: Date;
  to: Date;
}

/** The public HTTP APIs the dashboard reads (see contracts/openapi.yaml), and nothing else. */
export interface DashboardApi {
  /** `GET /reports/campaigns`: campaigns active in the range, ranked by bids */
  campaignList(range: TimeRange, limit: number): Promise<CampaignList>;
  /** `GET /reports/campaigns/{id}/period`: per-minute buckets in UTC, oldest first */
  minuteReport(campaignItemId: number, range: TimeRange): Promise<PeriodReport>;
  /** `GET /reports/campaigns/{id}`: all-time totals */
  campaignTotals(campaignItemId: number): Promise<Aggregation>;
  /** `GET /reports/products`: products active in the range, ranked by views */
  productList(range: TimeRange, limit: number): Promise<ProductList>;
  /** `GET /orphans?limit=0`: orphan counts of the last 24 hours */
  orphanCounts(): Promise<OrphanReport>;
  /** `GET /reports/failed-events`: records the stream consumers set aside */
  failedEventCounts(): Promise<FailedEventCounts>;
  /** `GET /models?model=…`: a model's versions, which is live and which is being promoted */
  modelList(model: ModelName): Promise<ModelList>;
  /** `GET /products/{id}/price-history?limit=…`: a product's price changes and held moves, newest first */
  priceHistory(productId: string, limit: number): Promise<PriceHistory>;
  /** `GET /cost`: what the platform would cost on AWS (admin keys only) */
  cost(): Promise<CostReport>;
  /** `POST /query` with a saved query */
  savedQuery(name: string, params?: Record<string, string | number>): Promise<QueryResult>;
}
