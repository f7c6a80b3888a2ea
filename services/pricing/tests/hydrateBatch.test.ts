import { hydrateBatch, type HydrateOptions } from '../src/domain/hydrateBatch.js';
import type { DemandFeatures, DemandSources, SourceRecord } from '../src/domain/types.js';
import { NOW, product, SETTINGS } from './support/pricingFixtures.js';

const window = (productId: string, minutesAgo: number, views: number) => ({
  product_id: productId,
  window_start: new Date(NOW.getTime() - minutesAgo * 60_000).toISOString(),
  window_end: new Date(NOW.getTime() - (minutesAgo - 1) * 60_000).toISOString(),
  views,
  carts: 0,
  cart_units: 0,
  checkouts: 0,
  purchases: 0,
  units_sold: 0,
  version: 1,
  updated_at: NOW.toISOString(),
});
const record = (n: number, data: unknown): SourceRecord => ({ shardId: 'shardId-000000000000', sequenceNumber: String(100 + n), data: typeof data === 'string' ? data : JSON.stringify(data) });

describe('hydrateBatch', () => {
  let written: Omit<DemandFeatures, 'features_version'>[];
  let options: HydrateOptions;
  const sources: DemandSources = {
    windowsOf: async (productId) => (productId === 'sku-001' ? [{ start: NOW.getTime() - 60 * 60_000, views: 16, carts: 0, purchases: 0 }, { start: NOW.getTime() - 5 * 60_000, views: 30, carts: 4, purchases: 2 }] : []),
    product: async (productId) => (productId === 'sku-404' ? undefined : product({ product_id: productId })),
    orderedUnits: async () => 12,
  };

  beforeEach(() => {
    written = [];
    options = {
      sources,
      features: { writeIfChanged: async (features) => (written.push(features), written.length) },
      settings: SETTINGS,
      now: () => NOW,
      log: () => undefined,
    };
  });

  it('hydrates each changed product once with its recent and baseline demand, ordered units and catalog data', async () => {
    // Act
    const outcome = await hydrateBatch([record(1, window('sku-001', 5, 30)), record(2, window('sku-001', 4, 31)), record(3, window('sku-404', 1, 1))], options);

    // Assess
    expect(outcome).toStrictEqual({ batchItemFailures: [], products: 2, hydrated: 1, unchanged: 0, unknownProducts: 1, invalid: 0, failed: 0, rejected: [] });
    expect(written).toStrictEqual([
      {
        product_id: 'sku-001',
        as_of: NOW.toISOString(),
        recent_minutes: 15,
        views: 30,
        carts: 4,
        purchases: 2,
        baseline_views: 2,
        baseline_carts: 0,
        baseline_purchases: 0,
        ordered_units: 12,
        price_cents: 10_000,
        category: 'running',
        attributes: { colour: 'black' },
      },
    ]);
  });

  it('counts unchanged demand, rejects a broken record and reports a failing product for re-delivery', async () => {
    // Prepare
    const failing = { ...options, sources: { ...sources, orderedUnits: async (productId: string) => (productId === 'sku-002' ? Promise.reject(new Error('throttled')) : 1) } };

    // Act
    const unchanged = await hydrateBatch([record(1, window('sku-001', 5, 30))], { ...options, features: { writeIfChanged: async () => undefined } });
    const mixed = await hydrateBatch([record(4, window('sku-002', 5, 1)), record(5, 'not json'), record(3, window('sku-002', 6, 1))], failing);

    // Assess
    expect(unchanged).toMatchObject({ hydrated: 0, unchanged: 1 });
    expect(mixed).toMatchObject({ batchItemFailures: [{ itemIdentifier: '103' }], failed: 2, invalid: 1, failure: { name: 'Error', message: 'Could not hydrate sku-002: throttled' } });
    expect(mixed.rejected.map((r) => r.sequenceNumber)).toStrictEqual(['105']);
  });
});
