import type { components } from '@sdp/shared-contract';
import { murmur3 } from './murmur3.js';

/**
 * How a bid becomes the numbers a model reads; stored with every model version, so training, the
 * predict service and the model endpoint always agree on what column i means.
 *
 * - Each categorical field's value is hashed (`<field>=<value>`, MurmurHash3) into one of `hashBuckets`
 *   columns with a sign from a second hash bit (signed feature hashing: collisions cancel out on
 *   average instead of adding up).
 * - The price goes into the last column as `log1p(price)`: a win probability grows with price but
 *   flattens out, which a linear model in log price captures.
 */
export interface FeatureSpec {
  version: 1;
  hashBuckets: number;
  categorical: readonly CategoricalField[];
  price: { field: 'winPrice'; transform: 'log1p' };
}

export type CategoricalField = 'campaignItemId' | 'domain' | 'creativeId' | 'creativeCategory';

/** What one bid offers the model, in the predict API's names. */
export interface FeatureInput {
  campaignItemId: string;
  domain: string;
  creativeId: string;
  creativeCategory: string;
  winPrice: number;
}

export const DEFAULT_FEATURE_SPEC: FeatureSpec = {
  version: 1,
  hashBuckets: 1024,
  categorical: ['campaignItemId', 'domain', 'creativeId', 'creativeCategory'],
  price: { field: 'winPrice', transform: 'log1p' },
};

/** How many numbers `buildFeatures` (`buildDemandFeatures` for a demand spec) returns for a spec. */
export const featureWidth = (spec: ModelFeatureSpec): number =>
  'kind' in spec ? spec.fields.length : spec.hashBuckets + 1;

/**
 * How a product's hydrated demand becomes the numbers the demand model reads (`buildDemandFeatures`),
 * stored with every demand model version like a bid model's spec.
 */
export interface DemandFeatureSpec {
  version: 1;
  kind: 'demand';
  fields: readonly DemandFeatureField[];
}

/**
 * - `log_views`, `log_carts`, `log_purchases`: `log1p` of the recent horizon's counts;
 * - `view_trend`: `log((views + 1) / (baseline views + 1))`, the baseline scaled to the same horizon;
 * - `intent_trend`: the same for carts + purchases;
 * - `view_to_purchase`: purchases / views of the recent horizon (0 without views);
 * - `log_ordered_units`: `log1p` of the units the orders table holds for the product (last 7 days).
 */
export type DemandFeatureField =
  | 'log_views'
  | 'log_carts'
  | 'log_purchases'
  | 'view_trend'
  | 'intent_trend'
  | 'view_to_purchase'
  | 'log_ordered_units';

export const DEMAND_FEATURE_FIELDS: readonly DemandFeatureField[] = [
  'log_views',
  'log_carts',
  'log_purchases',
  'view_trend',
  'intent_trend',
  'view_to_purchase',
  'log_ordered_units',
];

export const DEFAULT_DEMAND_FEATURE_SPEC: DemandFeatureSpec = {
  version: 1,
  kind: 'demand',
  fields: DEMAND_FEATURE_FIELDS,
};

/** Either kind of spec a served model carries. */
export type ModelFeatureSpec = FeatureSpec | DemandFeatureSpec;

/** A product's demand as hydrated (`DemandFeatures`): the recent horizon's counts, the baseline's scaled to it, units ordered. */
export type DemandFeatureInput = Pick<
  components['schemas']['DemandFeatures'],
  'views' | 'carts' | 'purchases' | 'baseline_views' | 'baseline_carts' | 'baseline_purchases' | 'ordered_units'
>;

/**
 * The demand model's feature vector of one product under `spec`, in the spec's field order.
 *
 * @example
 * buildDemandFeatures({ views: 40, carts: 6, purchases: 3, baseline_views: 9, baseline_carts: 1, baseline_purchases: 1, ordered_units: 12 }, DEFAULT_DEMAND_FEATURE_SPEC)
 * // Float64Array(7) [3.71, 1.95, 1.39, 1.41, 1.20, 0.075, 2.56]
 */
export function buildDemandFeatures(input: DemandFeatureInput, spec: DemandFeatureSpec): Float64Array {
  const value: Record<DemandFeatureField, number> = {
    log_views: Math.log1p(input.views),
    log_carts: Math.log1p(input.carts),
    log_purchases: Math.log1p(input.purchases),
    view_trend: Math.log((input.views + 1) / (input.baseline_views + 1)),
    intent_trend: Math.log((input.carts + input.purchases + 1) / (input.baseline_carts + input.baseline_purchases + 1)),
    view_to_purchase: input.views > 0 ? input.purchases / input.views : 0,
    log_ordered_units: Math.log1p(input.ordered_units),
  };
  return Float64Array.from(spec.fields, (field) => value[field]);
}

/**
 * The dense feature vector of one bid under `spec`.
 *
 * @example
 * buildFeatures({ campaignItemId: '7', domain: 'news.example.com', creativeId: 'c1', creativeCategory: 'sports', winPrice: 120 }, DEFAULT_FEATURE_SPEC)
 * // Float64Array(1025) [0, …, 1, …, -1, …, 4.79…]
 */
export function buildFeatures(input: FeatureInput, spec: FeatureSpec): Float64Array {
  const features = new Float64Array(featureWidth(spec));
  for (const field of spec.categorical) {
    const hash = murmur3(`${field}=${input[field]}`);
    features[hash % spec.hashBuckets]! += hash & 0x80000000 ? -1 : 1;
  }
  features[spec.hashBuckets] = Math.log1p(Math.max(0, input.winPrice));
  return features;
}

/** The non-zero columns of `buildFeatures`, for training on many rows without dense vectors. */
export interface SparseFeatures {
  indices: number[];
  values: number[];
}

/**
 * The same features as `buildFeatures`, as the list of non-zero columns (at most one per categorical
 * field, plus price). Colliding fields add up exactly as in the dense vector.
 */
export function buildSparseFeatures(input: FeatureInput, spec: FeatureSpec): SparseFeatures {
  const byIndex = new Map<number, number>();
  for (const field of spec.categorical) {
    const hash = murmur3(`${field}=${input[field]}`);
    const index = hash % spec.hashBuckets;
    byIndex.set(index, (byIndex.get(index) ?? 0) + (hash & 0x80000000 ? -1 : 1));
  }
  byIndex.set(spec.hashBuckets, Math.log1p(Math.max(0, input.winPrice)));
  const entries = [...byIndex].filter(([, value]) => value !== 0).sort(([a], [b]) => a - b);
  return { indices: entries.map(([index]) => index), values: entries.map(([, value]) => value) };
}
