import type {
  DemandFeatures,
  PriceBook,
  PriceChange,
  PriceHold,
  PricingSettings,
  Product,
} from '../../src/domain/types.js';

export const NOW = new Date('2026-12-04T15:00:00.000Z');

export const SETTINGS: PricingSettings = {
  recentMinutes: 15,
  baselineMinutes: 120,
  orderedUnitsDays: 7,
  maxStepPercent: 5,
  cooldownMs: 600_000,
  surgeAbove: 0.6,
  calmBelow: 0.3,
  maxViewsPerMinute: 6_000,
  maxCartsPerMinute: 1_200,
  maxCartsPerView: 1,
};

export function product(overrides: Partial<Product> = {}): Product {
  return {
    product_id: 'sku-001',
    name: 'Stride Tempo',
    brand: 'Stride',
    category: 'running',
    attributes: { colour: 'black' },
    price_cents: 10_000,
    currency: 'USD',
    min_price_cents: 7_000,
    max_price_cents: 13_000,
    list_price_cents: 10_000,
    price_updated_at: '2026-11-01T00:00:00.000Z',
    updated_at: '2026-11-01T00:00:00.000Z',
    ...overrides,
  };
}

export function features(overrides: Partial<DemandFeatures> = {}): DemandFeatures {
  return {
    product_id: 'sku-001',
    features_version: 1,
    as_of: NOW.toISOString(),
    recent_minutes: 15,
    views: 40,
    carts: 6,
    purchases: 3,
    baseline_views: 9,
    baseline_carts: 1,
    baseline_purchases: 1,
    ordered_units: 12,
    price_cents: 10_000,
    category: 'running',
    ...overrides,
  };
}

/**
 * An in-memory price book with the transaction's conditions: unchanged price version, a newer features
 * version, no history item yet; and holds recorded once per features version.
 */
export function inMemoryPriceBook(products: readonly Product[]) {
  const stored = new Map(products.map((p) => [p.product_id, { product: { ...p }, pricedFeaturesVersion: 0 }]));
  const history: (PriceChange & { features_version: number })[] = [];
  const holds: (PriceHold & { features_version: number })[] = [];
  const book: PriceBook & {
    history_: typeof history;
    holds_: typeof holds;
    changeBehind(productId: string, priceCents: number): void;
  } = {
    history_: history,
    holds_: holds,
    async product(productId) {
      const entry = stored.get(productId);
      return entry && structuredClone(entry);
    },
    async apply({ product: read, change, featuresVersion }) {
      const entry = stored.get(read.product_id)!;
      if (history.some((h) => h.product_id === read.product_id && h.features_version === featuresVersion))
        return 'duplicate';
      if (entry.product.price_version !== read.price_version || entry.pricedFeaturesVersion >= featuresVersion)
        return 'conflict';
      entry.product = {
        ...entry.product,
        price_cents: change.new_price_cents,
        price_updated_at: change.changed_at,
        updated_at: change.changed_at,
        price_version: (entry.product.price_version ?? 0) + 1,
      };
      entry.pricedFeaturesVersion = featuresVersion;
      history.push({ ...change, features_version: featuresVersion });
      return 'applied';
    },
    async history(productId, limit) {
      return history
        .filter((h) => h.product_id === productId)
        .reverse()
        .slice(0, limit);
    },
    async recordHold({ hold, featuresVersion }) {
      if (holds.some((h) => h.product_id === hold.product_id && h.features_version === featuresVersion))
        return 'duplicate';
      holds.push({ ...hold, features_version: featuresVersion });
      return 'recorded';
    },
    async holds(productId, limit) {
      return holds
        .filter((h) => h.product_id === productId)
        .reverse()
        .slice(0, limit);
    },
    /** Another writer changes the price between read and write. */
    changeBehind(productId, priceCents) {
      const entry = stored.get(productId)!;
      entry.product = {
        ...entry.product,
        price_cents: priceCents,
        price_version: (entry.product.price_version ?? 0) + 1,
      };
    },
  };
  return book;
}
