import { mapWithConcurrency } from '@sdp/shared-runtime';
import { earliestSequence, isDependencyFailure, type TableChange } from '@sdp/shared-streams';
import { PRODUCT_CONCURRENCY } from './constants.js';
import { cooldownHold, decidePrice, type HoldKind } from './decidePrice.js';
import { ConcurrentPriceChangeError } from './errors.js';
import { plausibilityHold } from './plausibilityHold.js';
import { toDemandFeatures } from './toDemandFeatures.js';
import type { DemandFeatures, DemandModel, PriceBook, PricingOutcome, PricingSettings } from './types.js';

export interface PriceBatchOptions {
  book: PriceBook;
  model: DemandModel;
  settings: PricingSettings;
  now: () => Date;
  log: (message: string, data: Record<string, unknown>) => void;
}

type ProductResult = 'changed' | 'duplicate' | 'no_model' | 'unknown_product' | { held: HoldKind };

/** Reads of a product whose price keeps changing underneath before the features record is re-delivered. */
const ATTEMPTS = 2;

/**
 * Prices the products whose demand features changed in a batch of the demand features table's
 * stream: for each product's newest features version, the demand model's surge probability, the
 * guardrails of `decidePrice`, the plausibility guards of `plausibilityHold` (a move on implausible
 * demand is held, and the hold recorded once per features version: `PriceBook.recordHold`), and a
 * transaction that changes the price and records why (`PriceBook.apply`). A features version whose
 * change was applied before (a re-delivered or replayed stream record, or an older version arriving
 * late) changes nothing. When the price changed between read and write, the product is read and
 * decided again. A product that fails is reported with its lowest stream sequence number, so Lambda
 * re-delivers from there.
 *
 * @example
 * await priceBatch(changes, { book, model, settings, now: () => new Date(), log })
 * // { batchItemFailures: [], changed: 1, held: 4, holds: { steady: 3, cooldown: 1 }, duplicates: 0, noModel: 0, failed: 0 }
 */
export async function priceBatch(changes: readonly TableChange[], options: PriceBatchOptions): Promise<PricingOutcome> {
  const { log } = options;
  const newest = new Map<string, { features: DemandFeatures; sequences: string[] }>();
  for (const { sequenceNumber, newImage } of changes) {
    const features = newImage && toDemandFeatures(newImage);
    if (!features) {
      if (newImage)
        log('skipped a demand features item that breaks the DemandFeatures contract', {
          sequenceNumber,
          image: newImage,
        });
      continue;
    }
    const known = newest.get(features.product_id);
    if (!known) newest.set(features.product_id, { features, sequences: [sequenceNumber] });
    else {
      known.sequences.push(sequenceNumber);
      if (features.features_version > known.features.features_version) known.features = features;
    }
  }

  const outcome: PricingOutcome = {
    batchItemFailures: [],
    changed: 0,
    held: 0,
    holds: {},
    duplicates: 0,
    noModel: 0,
    failed: 0,
  };
  const entries = [...newest.values()];
  let onlyDependencyFailures = true;
  const results = await mapWithConcurrency(entries, PRODUCT_CONCURRENCY, ({ features }) =>
    priceProduct(features, options).catch((error: unknown) => {
      log('could not reprice a product; its features will be re-delivered', { productId: features.product_id, error });
      onlyDependencyFailures &&= isDependencyFailure(error);
      return 'failed' as const;
    }),
  );
  let lowest: string | undefined;
  results.forEach((result, i) => {
    if (result === 'changed') outcome.changed++;
    else if (result === 'duplicate') outcome.duplicates++;
    else if (result === 'no_model') outcome.noModel++;
    else if (result === 'unknown_product') outcome.held++;
    else if (typeof result === 'object') {
      outcome.held++;
      outcome.holds[result.held] = (outcome.holds[result.held] ?? 0) + 1;
    } else {
      outcome.failed++;
      lowest = earliestSequence(entries[i]!.sequences, lowest);
    }
  });
  if (lowest !== undefined) outcome.batchItemFailures.push({ itemIdentifier: lowest });
  // The model endpoint or a table down: the prices are decided once it is back, no attempt counted.
  if (lowest !== undefined && onlyDependencyFailures) outcome.transient = true;
  return outcome;
}

async function priceProduct(
  features: DemandFeatures,
  { book, model, settings, now }: PriceBatchOptions,
): Promise<ProductResult> {
  const version = features.features_version;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const stored = await book.product(features.product_id);
    if (!stored) return 'unknown_product';
    if (stored.pricedFeaturesVersion >= version) return 'duplicate';
    const at = now();
    // In its cooldown no prediction can move the price: the model is not asked.
    const cooldown = cooldownHold(stored.product, settings, at);
    if (cooldown) return { held: cooldown.kind };
    const prediction = await model.predict(features);
    if (!prediction) return 'no_model';
    const decision = decidePrice(stored.product, prediction, settings, at);
    if (decision.action === 'hold') return { held: decision.kind };
    const old = stored.product.price_cents;
    const implausible = plausibilityHold(features, decision, settings);
    if (implausible) {
      await book.recordHold({
        featuresVersion: version,
        hold: {
          product_id: features.product_id,
          held_at: at.toISOString(),
          kind: 'implausible_demand',
          reason: implausible.reason,
          price_cents: old,
          wanted_price_cents: decision.newPriceCents,
          model_version: prediction.modelVersion,
          surge_probability: prediction.surgeProbability,
          features,
        },
      });
      return { held: implausible.kind };
    }
    const answer = await book.apply({
      product: stored.product,
      featuresVersion: version,
      change: {
        product_id: features.product_id,
        changed_at: at.toISOString(),
        old_price_cents: old,
        new_price_cents: decision.newPriceCents,
        change_percent: Math.round(((decision.newPriceCents - old) / old) * 10_000) / 100,
        reason: decision.reason,
        model_version: prediction.modelVersion,
        surge_probability: prediction.surgeProbability,
        features,
      },
    });
    if (answer === 'applied') return 'changed';
    if (answer === 'duplicate') return 'duplicate';
  }
  throw new ConcurrentPriceChangeError(features.product_id);
}
