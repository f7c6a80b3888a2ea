import { demandFingerprint } from '../src/domain/demandFingerprint.js';
import { hydrateBatch, type HydrateOptions } from '../src/domain/hydrateBatch.js';
import type { DemandFeatures, DemandFeaturesTable, DemandSources, SourceRecord } from '../src/domain/types.js';
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
const record = (n: number, data: unknown): SourceRecord => ({
  shardId: 'shardId-000000000000',
  sequenceNumber: String(100 + n),
  data: typeof data === 'string' ? data : JSON.stringify(data),
});

/** What the sources below hydrate for sku-001 at NOW. */
const SKU_001_FEATURES = {
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
};

/**
 * An in-memory demand features table that keeps each product's fingerprint and version, with the
 * table's condition (the stored fingerprint differs), and records what it was asked to read and write.
 */
function inMemoryFeaturesTable(stored: Record<string, string> = {}) {
  const fingerprints = new Map(Object.entries(stored));
  const versions = new Map<string, number>();
  const reads: string[][] = [];
  const written: Omit<DemandFeatures, 'features_version'>[] = [];
  const table: DemandFeaturesTable = {
    async storedFingerprints(productIds) {
      reads.push([...productIds]);
      return new Map(productIds.filter((id) => fingerprints.has(id)).map((id) => [id, fingerprints.get(id)!]));
    },
    async writeIfChanged(features, fingerprint) {
      written.push(features);
      if (fingerprints.get(features.product_id) === fingerprint) return undefined;
      fingerprints.set(features.product_id, fingerprint);
      versions.set(features.product_id, (versions.get(features.product_id) ?? 0) + 1);
      return versions.get(features.product_id);
    },
  };
  return { table, reads, written };
}

describe('hydrateBatch', () => {
  let written: Omit<DemandFeatures, 'features_version'>[];
  let reads: string[][];
  let options: HydrateOptions;
  const sources: DemandSources = {
    windowsOf: async (productId) =>
      productId === 'sku-001'
        ? [
            { start: NOW.getTime() - 60 * 60_000, views: 16, carts: 0, purchases: 0 },
            { start: NOW.getTime() - 5 * 60_000, views: 30, carts: 4, purchases: 2 },
          ]
        : [],
    product: async (productId) => (productId === 'sku-404' ? undefined : product({ product_id: productId })),
    orderedUnits: async () => 12,
  };

  beforeEach(() => {
    const table = inMemoryFeaturesTable();
    ({ written, reads } = table);
    options = {
      sources,
      features: table.table,
      settings: SETTINGS,
      now: () => NOW,
      log: () => undefined,
    };
  });

  it('hydrates each changed product once with its recent and baseline demand, ordered units and catalog data', async () => {
    // Act
    const outcome = await hydrateBatch(
      [record(1, window('sku-001', 5, 30)), record(2, window('sku-001', 4, 31)), record(3, window('sku-404', 1, 1))],
      options,
    );

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [],
      products: 2,
      hydrated: 1,
      unchanged: 0,
      unknownProducts: 1,
      invalid: 0,
      failed: 0,
      rejected: [],
    });
    expect(reads).toStrictEqual([['sku-001', 'sku-404']]);
    expect(written).toStrictEqual([SKU_001_FEATURES]);
  });

  it('does not write a product whose stored fingerprint is its features’, and writes the one whose fingerprint changed', async () => {
    // Prepare
    const hydratedBefore = demandFingerprint({ ...SKU_001_FEATURES, as_of: '2026-12-04T14:59:00.000Z' });
    const { table, reads, written } = inMemoryFeaturesTable({ 'sku-001': hydratedBefore, 'sku-002': 'stale' });

    // Act
    const outcome = await hydrateBatch([record(1, window('sku-001', 5, 30)), record(2, window('sku-002', 5, 1))], {
      ...options,
      features: table,
    });

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [],
      products: 2,
      hydrated: 1,
      unchanged: 1,
      unknownProducts: 0,
      invalid: 0,
      failed: 0,
      rejected: [],
    });
    expect(reads).toStrictEqual([['sku-001', 'sku-002']]);
    expect(written).toStrictEqual([
      {
        ...SKU_001_FEATURES,
        product_id: 'sku-002',
        views: 0,
        carts: 0,
        purchases: 0,
        baseline_views: 0,
        baseline_carts: 0,
        baseline_purchases: 0,
      },
    ]);
  });

  it('counts as unchanged a product whose features a concurrent writer stored since the read', async () => {
    // Prepare
    const raced: DemandFeaturesTable = {
      storedFingerprints: async () => new Map([['sku-001', 'older']]),
      writeIfChanged: async () => undefined,
    };

    // Act
    const outcome = await hydrateBatch([record(1, window('sku-001', 5, 30))], { ...options, features: raced });

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [],
      products: 1,
      hydrated: 0,
      unchanged: 1,
      unknownProducts: 0,
      invalid: 0,
      failed: 0,
      rejected: [],
    });
  });

  it('rejects a broken record and reports a failing product for re-delivery', async () => {
    // Prepare
    const failing = {
      ...options,
      sources: {
        ...sources,
        orderedUnits: async (productId: string) =>
          productId === 'sku-002' ? Promise.reject(new Error('throttled')) : 1,
      },
    };

    // Act
    const mixed = await hydrateBatch(
      [record(4, window('sku-002', 5, 1)), record(5, 'not json'), record(3, window('sku-002', 6, 1))],
      failing,
    );

    // Assess
    expect(mixed).toStrictEqual({
      batchItemFailures: [{ itemIdentifier: '103' }],
      products: 1,
      hydrated: 0,
      unchanged: 0,
      unknownProducts: 0,
      invalid: 1,
      failed: 2,
      rejected: [{ sequenceNumber: '105', reason: { name: 'InvalidJson', message: 'The record is not JSON.' } }],
      failure: { name: 'Error', message: 'Could not hydrate sku-002: throttled' },
    });
    expect(written).toStrictEqual([]);
  });

  it('fails every product, and writes none, when the stored fingerprints cannot be read', async () => {
    // Prepare
    const unreadable: DemandFeaturesTable = {
      ...options.features,
      storedFingerprints: async () => Promise.reject(new Error('throttled')),
    };

    // Act
    const outcome = await hydrateBatch(
      [record(4, window('sku-001', 5, 30)), record(2, window('sku-002', 5, 1)), record(3, window('sku-001', 4, 31))],
      {
        ...options,
        features: unreadable,
      },
    );

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [{ itemIdentifier: '102' }],
      products: 2,
      hydrated: 0,
      unchanged: 0,
      unknownProducts: 0,
      invalid: 0,
      failed: 3,
      rejected: [],
      failure: { name: 'Error', message: 'Could not hydrate sku-001: throttled' },
    });
    expect(written).toStrictEqual([]);
  });
});
