import type { Period, ProductSortKey, SortKey } from './types.js';

export const PERIODS: readonly Period[] = ['minute', 'hour', 'day', 'week', 'month'];
export const SORT_KEYS: readonly SortKey[] = ['bids', 'impressions', 'clicks', 'spend', 'ctr', 'win_rate'];

export const PRODUCT_SORT_KEYS: readonly ProductSortKey[] = [
  'views',
  'carts',
  'checkouts',
  'purchases',
  'units_sold',
  'view_to_cart',
  'view_to_purchase',
];

export const DEFAULT_PERIOD: Period = 'day';
/** A retailer reads product activity by the hour. */
export const DEFAULT_PRODUCT_PERIOD: Period = 'hour';
export const DEFAULT_PRODUCT_SORT: ProductSortKey = 'views';
export const DEFAULT_TIME_ZONE = 'UTC';
export const DEFAULT_SORT: SortKey = 'bids';
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

export const DAY_MS = 24 * 60 * 60 * 1000;
/** The campaign list reads one index partition per UTC day, so its range is capped. */
export const MAX_LIST_RANGE_DAYS = 366;
/** The campaign list covers the last day when `from` is not given. */
export const DEFAULT_LIST_RANGE_MS = DAY_MS;

/** The largest id JSON carries exactly (2^53 - 1), as in the contract's `CampaignItemId`. */
export const MAX_CAMPAIGN_ITEM_ID = Number.MAX_SAFE_INTEGER;
