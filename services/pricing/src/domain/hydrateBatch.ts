import { validateProductWindow } from '@sdp/shared-contract';
import { mapWithConcurrency } from '@sdp/shared-runtime';
import { describeUnreadableRecord, earliestSequence, readContractRecord } from '@sdp/shared-streams';
import { PRODUCT_CONCURRENCY, PRODUCT_WINDOW_SCHEMA_VERSION } from './constants.js';
import { demandFingerprint } from './demandFingerprint.js';
import { demandSpan } from './parsePricingSettings.js';
import { summarizeDemand } from './summarizeDemand.js';
import type { DemandFeaturesTable, DemandSources, HydrationOutcome, PricingSettings, SourceRecord } from './types.js';

export interface HydrateOptions {
  sources: DemandSources;
  features: DemandFeaturesTable;
  settings: PricingSettings;
  now: () => Date;
  log: (message: string, data: Record<string, unknown>) => void;
}

/**
 * Hydrates the demand of every product whose windows changed in a batch of the product windows
 * stream: its recent and baseline demand (`summarizeDemand`), the units the orders table holds for
 * it, and the catalog's category, attributes and current price, written as the product's next
 * `DemandFeatures` version, unless nothing changed since the last one. The stored fingerprints of
 * the batch's products are read first, in one go: a product whose features have the stored
 * fingerprint is not written at all (a write that fails its condition still costs a write unit).
 * Products the catalog does not know are not priced and are skipped. Records that break the
 * `ProductWindow` contract are rejected. If a product fails, the lowest sequence number among its
 * records is the batch item failure; if the fingerprints cannot be read, every product fails.
 *
 * @example
 * await hydrateBatch(records, { sources, features, settings, now: () => new Date(), log })
 * // { batchItemFailures: [], products: 3, hydrated: 2, unchanged: 1, unknownProducts: 0, invalid: 0, failed: 0, rejected: [] }
 */
export async function hydrateBatch(
  records: readonly SourceRecord[],
  options: HydrateOptions,
): Promise<HydrationOutcome> {
  const { sources, features, settings, log } = options;
  const outcome: HydrationOutcome = {
    batchItemFailures: [],
    products: 0,
    hydrated: 0,
    unchanged: 0,
    unknownProducts: 0,
    invalid: 0,
    failed: 0,
    rejected: [],
  };
  const sequencesOf = new Map<string, string[]>();
  for (const record of records) {
    const reading = readContractRecord(record.data, PRODUCT_WINDOW_SCHEMA_VERSION, validateProductWindow);
    if (!reading.ok) {
      outcome.invalid++;
      outcome.rejected.push({
        sequenceNumber: record.sequenceNumber,
        reason: describeUnreadableRecord('ProductWindow', reading),
      });
      continue;
    }
    const sequences = sequencesOf.get(reading.value.product_id) ?? [];
    sequences.push(record.sequenceNumber);
    sequencesOf.set(reading.value.product_id, sequences);
  }
  outcome.products = sequencesOf.size;

  const now = options.now();
  const span = demandSpan(settings, now);
  const productIds = [...sequencesOf.keys()];
  const hydrateProduct = async (productId: string, storedFingerprint: string | undefined) => {
    try {
      const [product, windows, orderedUnits] = await Promise.all([
        sources.product(productId),
        sources.windowsOf(productId, span.from, span.to),
        sources.orderedUnits(productId, span.orderedSince),
      ]);
      if (!product) return 'unknown' as const;
      const demand = summarizeDemand(windows, {
        recentFrom: span.recentFrom,
        recentMinutes: settings.recentMinutes,
        baselineMinutes: settings.baselineMinutes,
        orderedUnits,
      });
      const next = {
        product_id: productId,
        as_of: now.toISOString(),
        recent_minutes: settings.recentMinutes,
        ...demand,
        price_cents: product.price_cents,
        category: product.category,
        attributes: product.attributes,
      };
      const fingerprint = demandFingerprint(next);
      if (fingerprint === storedFingerprint) return 'unchanged' as const;
      const version = await features.writeIfChanged(next, fingerprint);
      return version === undefined ? ('unchanged' as const) : ('hydrated' as const);
    } catch (error) {
      log('could not hydrate a product’s demand; its records will be re-delivered', { productId, error });
      return { error, productId };
    }
  };
  const results = await features.storedFingerprints(productIds).then(
    (stored) =>
      mapWithConcurrency(productIds, PRODUCT_CONCURRENCY, (productId) =>
        hydrateProduct(productId, stored.get(productId)),
      ),
    (error: unknown) => {
      log('could not read the stored demand fingerprints; the batch will be re-delivered', {
        products: productIds.length,
        error,
      });
      return productIds.map((productId) => ({ error, productId }));
    },
  );

  let lowest: string | undefined;
  results.forEach((result, i) => {
    if (result === 'unknown') outcome.unknownProducts++;
    else if (result === 'unchanged') outcome.unchanged++;
    else if (result === 'hydrated') outcome.hydrated++;
    else {
      const sequences = sequencesOf.get(productIds[i]!)!;
      outcome.failed += sequences.length;
      lowest = earliestSequence(sequences, lowest);
      const { name = 'Error', message = String(result.error) } = (result.error ?? {}) as {
        name?: string;
        message?: string;
      };
      outcome.failure ??= { name, message: `Could not hydrate ${result.productId}: ${message}` };
    }
  });
  if (lowest !== undefined) outcome.batchItemFailures.push({ itemIdentifier: lowest });
  return outcome;
}
