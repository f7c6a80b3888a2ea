import type { TableChange } from '@sdp/shared-streams';
import { priceBatch, type PriceBatchOptions } from '../src/domain/priceBatch.js';
import type { DemandFeatures, DemandModel } from '../src/domain/types.js';
import { features, inMemoryPriceBook, NOW, product, SETTINGS } from './support/pricingFixtures.js';

/** A demand model that sees a surge when views trend up against their baseline. */
const trendModel: DemandModel = {
  predict: async (input) => ({
    surgeProbability: input.views > 3 * (input.baseline_views + 1) ? 0.95 : 0.1,
    modelVersion: 'demand-7',
  }),
};
const changeOf = (sequence: number, item: DemandFeatures & Record<string, unknown>): TableChange => ({
  sequenceNumber: String(1000 + sequence),
  newImage: item,
});

describe('priceBatch', () => {
  let book: ReturnType<typeof inMemoryPriceBook>;
  let options: PriceBatchOptions;

  beforeEach(() => {
    book = inMemoryPriceBook([product(), product({ product_id: 'sku-002' })]);
    options = {
      book,
      model: trendModel,
      settings: { ...SETTINGS, cooldownMs: 0 },
      now: () => NOW,
      log: () => undefined,
    };
  });

  it('raises the trending product within the step, leaves the cold one, and records why with the model version', async () => {
    // Prepare
    const changes = [
      changeOf(1, { ...features(), fingerprint: 'x' }),
      changeOf(2, features({ product_id: 'sku-002', views: 2, baseline_views: 2 })),
    ];

    // Act
    const outcome = await priceBatch(changes, options);

    // Assess
    expect(outcome).toStrictEqual({
      batchItemFailures: [],
      changed: 1,
      held: 1,
      holds: { steady: 1 },
      duplicates: 0,
      noModel: 0,
      failed: 0,
    });
    expect(book.history_).toStrictEqual([
      {
        product_id: 'sku-001',
        changed_at: NOW.toISOString(),
        old_price_cents: 10_000,
        new_price_cents: 10_438,
        change_percent: 4.38,
        reason: 'surge: demand surge probability 0.95 ≥ 0.6, +4.4 % (maximum step 5 %)',
        model_version: 'demand-7',
        surge_probability: 0.95,
        features: features(),
        features_version: 1,
      },
    ]);
  });

  it('changes nothing when the stream re-delivers or replays a features version already priced', async () => {
    // Prepare
    const first = [changeOf(1, features())];
    await priceBatch(first, options);

    // Act
    const replay = await priceBatch(first, options);
    const older = await priceBatch([changeOf(0, features({ features_version: 1 }))], options);

    // Assess
    expect(replay).toMatchObject({ changed: 0, duplicates: 1 });
    expect(older).toMatchObject({ changed: 0, duplicates: 1 });
    expect(book.history_).toHaveLength(1);
    expect((await book.product('sku-001'))!.product.price_cents).toBe(10_438);
  });

  it('prices only the newest features version of a product in a batch', async () => {
    // Act
    const outcome = await priceBatch(
      [changeOf(1, features({ features_version: 4 })), changeOf(2, features({ features_version: 5, views: 60 }))],
      options,
    );

    // Assess
    expect(outcome.changed).toBe(1);
    expect(book.history_.map((h) => [h.features_version, h.features.views])).toStrictEqual([[5, 60]]);
  });

  it('decides again on the price another writer set between read and write', async () => {
    // Prepare
    const racing = {
      ...book,
      apply: async (planned: Parameters<typeof book.apply>[0]) => {
        if (planned.product.price_cents === 10_000) book.changeBehind('sku-001', 12_000);
        return book.apply(planned);
      },
    };

    // Act
    const outcome = await priceBatch([changeOf(1, features())], { ...options, book: racing });

    // Assess
    expect(outcome.changed).toBe(1);
    expect(book.history_.map((h) => [h.old_price_cents, h.new_price_cents])).toStrictEqual([[12_000, 12_525]]);
  });

  it('holds a move on fabricated carts and records why once per features version, and moves a plausible product', async () => {
    // Prepare: a model that sees a surge in both; sku-001's carts come without a single view
    const surging: DemandModel = { predict: async () => ({ surgeProbability: 0.95, modelVersion: 'demand-7' }) };
    const fabricated = features({ views: 0, carts: 60, purchases: 0, baseline_views: 0 });
    const changes = [changeOf(1, fabricated), changeOf(2, features({ product_id: 'sku-002' }))];

    // Act
    const outcome = await priceBatch(changes, { ...options, model: surging });
    const replay = await priceBatch(changes.slice(0, 1), { ...options, model: surging });

    // Assess
    expect([outcome, replay]).toStrictEqual([
      {
        batchItemFailures: [],
        changed: 1,
        held: 1,
        holds: { implausible_demand: 1 },
        duplicates: 0,
        noModel: 0,
        failed: 0,
      },
      {
        batchItemFailures: [],
        changed: 0,
        held: 1,
        holds: { implausible_demand: 1 },
        duplicates: 0,
        noModel: 0,
        failed: 0,
      },
    ]);
    expect(book.holds_).toStrictEqual([
      {
        product_id: 'sku-001',
        held_at: NOW.toISOString(),
        kind: 'implausible_demand',
        reason:
          'implausible demand: 60 carts against 0 views in the last 15 min, above the cap of 1 per view; not applied: surge: demand surge probability 0.95 ≥ 0.6, +4.4 % (maximum step 5 %)',
        price_cents: 10_000,
        wanted_price_cents: 10_438,
        model_version: 'demand-7',
        surge_probability: 0.95,
        features: fabricated,
        features_version: 1,
      },
    ]);
    expect((await book.product('sku-001'))!.product.price_cents).toBe(10_000);
    expect(book.history_.map((h) => [h.product_id, h.new_price_cents])).toStrictEqual([['sku-002', 10_438]]);
  });

  it('holds every price while no demand model is live, and reports a failing model for re-delivery', async () => {
    // Act
    const noModel = await priceBatch([changeOf(1, features())], {
      ...options,
      model: { predict: async () => undefined },
    });
    const broken = await priceBatch([changeOf(7, features()), changeOf(3, features({ features_version: 2 }))], {
      ...options,
      model: { predict: async () => Promise.reject(new Error('ModelError')) },
    });

    // Assess
    expect(noModel).toMatchObject({ noModel: 1, held: 0, changed: 0 });
    expect(broken).toStrictEqual({
      batchItemFailures: [{ itemIdentifier: '1003' }],
      changed: 0,
      held: 0,
      holds: {},
      duplicates: 0,
      noModel: 0,
      failed: 1,
    });
    expect(book.history_).toStrictEqual([]);
  });
});
