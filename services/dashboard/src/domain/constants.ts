/** How often every panel is refreshed, in milliseconds. */
export const REFRESH_INTERVAL_MS = 2_500;

/** The events/s panel covers this many seconds up to now. */
export const EVENT_RATE_SECONDS = 120;

/**
 * The newest seconds in the lake are still landing (each shard lands in its own batches, up to the
 * lake's 2 s batch window apart), so the events/s panel leaves out this many of them.
 */
export const SETTLING_SECONDS = 3;

/** Top campaigns are ranked by bids over this range up to now, and charted per minute over it. */
export const TOP_CAMPAIGNS_RANGE_MS = 60 * 60_000;

/** The campaign charts show at least this many minutes, even when the data is younger. */
export const MIN_CAMPAIGN_CHART_MINUTES = 10;

/** How many products the top products panel lists (by views over the same last hour). */
export const TOP_PRODUCTS = 8;

/**
 * How many price moves the price changes panel lists, newest first across the top products; also how
 * many of each product's changes and holds it reads, since the newest moves overall are among them.
 */
export const PRICE_CHANGE_ROWS = 8;

/** How many campaigns are charted. */
export const TOP_CAMPAIGNS = 5;

/** Most campaigns `GET /reports/campaigns` lists at once; overall totals add up at most this many. */
export const CAMPAIGN_LIST_LIMIT = 1_000;

export const EVENT_TYPES = ['bid', 'imp', 'click'] as const;
