/** `ProductWindow` records carry no `schema_version`; one that does must say 1. */
export const PRODUCT_WINDOW_SCHEMA_VERSION = 1;

/** Products hydrated (or priced) at once within a batch. */
export const PRODUCT_CONCURRENCY = 4;

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export const DEFAULT_HISTORY_LIMIT = 50;
export const MAX_HISTORY_LIMIT = 500;

/**
 * The plausibility caps of a product's recent demand when their settings are empty: above any of
 * them, a price move the demand model wants is held and recorded (`plausibilityHold`). Views and
 * carts per minute of the recent horizon (purchases count against the carts' caps), and carts per
 * view: shoppers look at a product before they add it to the cart.
 */
export const DEFAULT_PLAUSIBILITY_CAPS = {
  maxViewsPerMinute: 6_000,
  maxCartsPerMinute: 1_200,
  maxCartsPerView: 1,
} as const;

/** How long a held move stays in the price holds table (its `expires_at`), in days. */
export const PRICE_HOLD_RETENTION_DAYS = 30;
