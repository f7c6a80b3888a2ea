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

/** How many numbers `buildFeatures` returns for a spec. */
export const featureWidth = (spec: FeatureSpec): number => spec.hashBuckets + 1;

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
