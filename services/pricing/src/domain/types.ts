import type { components } from '@sdp/shared-contract';
import type { DemandFeatureInput } from '@sdp/shared-model';
import type { FailureReason, RecordRejection } from '@sdp/shared-streams';

export type Product = components['schemas']['Product'];
export type ProductWindow = components['schemas']['ProductWindow'];
export type DemandFeatures = components['schemas']['DemandFeatures'];
export type PriceChange = components['schemas']['PriceChange'];
export type PriceHold = components['schemas']['PriceHold'];
export type PriceHistory = components['schemas']['PriceHistory'];

/** One record of the product windows stream, as the hydrating function receives it. */
export interface SourceRecord {
  shardId: string;
  sequenceNumber: string;
  data: string;
}

/** How demand is measured and how far prices may move (service settings, checked at cold start). */
export interface PricingSettings {
  /** The recent horizon demand is read over, in minutes */
  recentMinutes: number;
  /** The baseline before it, in minutes; scaled to the recent horizon's length */
  baselineMinutes: number;
  /** Units ordered over this many days enrich the features */
  orderedUnitsDays: number;
  /** The largest change one decision makes, in percent of the current price */
  maxStepPercent: number;
  /** No change within this long after the last one, in milliseconds */
  cooldownMs: number;
  /** At or above this surge probability the price goes up */
  surgeAbove: number;
  /** At or below it a raised price comes back down toward the list price */
  calmBelow: number;
  /** Plausibility caps of the recent horizon (`plausibilityHold`): views a minute */
  maxViewsPerMinute: number;
  /** Carts a minute, and purchases a minute */
  maxCartsPerMinute: number;
  /** Carts per view, and purchases per view */
  maxCartsPerView: number;
}

/** A product's windows in a span, as the hydration reads them: start (epoch ms) and counts. */
export type WindowCounts = Pick<ProductWindow, 'views' | 'carts' | 'purchases'> & { start: number };

/** Where hydration reads a product's demand and catalog data. */
export interface DemandSources {
  windowsOf(productId: string, from: Date, to: Date): Promise<WindowCounts[]>;
  product(productId: string): Promise<Product | undefined>;
  orderedUnits(productId: string, since: Date): Promise<number>;
}

/** The demand features table: a new version is written only when the features changed. */
export interface DemandFeaturesTable {
  /** The fingerprint stored for each of these products that has features, read consistently. */
  storedFingerprints(productIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * Writes `features` with their `fingerprint` as the product's next version unless the stored
   * fingerprint equals it (a concurrent writer may have stored it since it was read); resolves with
   * the version, or undefined when unchanged.
   */
  writeIfChanged(features: Omit<DemandFeatures, 'features_version'>, fingerprint: string): Promise<number | undefined>;
}

/** What the demand model says of one product's features. */
export interface DemandPrediction {
  surgeProbability: number;
  modelVersion: string;
}

export interface DemandModel {
  /** The surge probability, or undefined when no demand model is live yet */
  predict(input: DemandFeatureInput): Promise<DemandPrediction | undefined>;
}

/** A price the pricing function wants to set, with its audit record. */
export interface PlannedChange {
  product: Product;
  change: PriceChange;
  featuresVersion: number;
}

/** A move the plausibility guards held, with its record. */
export interface PlannedHold {
  hold: PriceHold;
  featuresVersion: number;
}

/** The catalog's products as pricing reads and changes them, and the price history it keeps. */
export interface PriceBook {
  /** The product as stored, with the features version its price last answered (0 before any change) */
  product(productId: string): Promise<{ product: Product; pricedFeaturesVersion: number } | undefined>;
  /**
   * Sets the new price and records the change in one transaction, on condition that the product's
   * price did not change since it was read and that no change answered this or a later features
   * version. Resolves `applied`, `duplicate` (this features version was applied already) or
   * `conflict` (the price changed meanwhile).
   */
  apply(planned: PlannedChange): Promise<'applied' | 'duplicate' | 'conflict'>;
  history(productId: string, limit: number): Promise<PriceChange[]>;
  /**
   * Records a move the plausibility guards held, once per features version: resolves `recorded`,
   * or `duplicate` when this version's hold was recorded before. The product is not changed.
   */
  recordHold(planned: PlannedHold): Promise<'recorded' | 'duplicate'>;
  /** The holds recorded for a product, newest first */
  holds(productId: string, limit: number): Promise<PriceHold[]>;
}

/** What a hydration batch did. */
export interface HydrationOutcome {
  batchItemFailures: { itemIdentifier: string }[];
  products: number;
  hydrated: number;
  unchanged: number;
  unknownProducts: number;
  invalid: number;
  failed: number;
  rejected: RecordRejection[];
  failure?: FailureReason;
}

/** What a pricing batch did. */
export interface PricingOutcome {
  batchItemFailures: { itemIdentifier: string }[];
  changed: number;
  held: number;
  /** The held products by why: cooldown, at_maximum, at_floor, steady, implausible_demand */
  holds: Record<string, number>;
  duplicates: number;
  /** Products that hold because no demand model is live yet */
  noModel: number;
  failed: number;
  /** Every failure was a dependency's (the model endpoint or a table unavailable or throttled), not the features' */
  transient?: true;
}
