import {
  DEFAULT_DEMAND_FEATURE_SPEC,
  DEFAULT_FEATURE_SPEC,
  buildDemandFeatures,
  buildFeatures,
  buildSparseFeatures,
  featureWidth,
  type FeatureInput,
} from '../src/featureSpec.js';
import { murmur3 } from '../src/murmur3.js';

const BID: FeatureInput = {
  campaignItemId: '1463517',
  domain: 'www.google.com',
  creativeId: 'b72897cb',
  creativeCategory: 'sports',
  winPrice: 120,
};

describe('murmur3', () => {
  it.each([
    ['', 0, 0],
    ['', 1, 0x514e28b7],
    ['hello', 0, 0x248bfa47],
    ['abc', 0, 0xb3dd93fa],
    ['The quick brown fox jumps over the lazy dog', 0, 0x2e4ff723],
    ['é', 0, murmur3('\u00e9')],
  ])('hashes %j with seed %i to the reference value', (text, seed, expected) => {
    // Act / Assess
    expect(murmur3(text, seed)).toBe(expected);
  });
});

describe('buildFeatures', () => {
  it('hashes each categorical field into one signed column and puts log1p(price) last', () => {
    // Act
    const features = buildFeatures(BID, DEFAULT_FEATURE_SPEC);

    // Assess
    expect(features).toHaveLength(featureWidth(DEFAULT_FEATURE_SPEC));
    expect(features.at(-1)).toBeCloseTo(Math.log1p(120), 12);
    const categorical = [...features.subarray(0, DEFAULT_FEATURE_SPEC.hashBuckets)];
    expect(categorical.filter((value) => value !== 0).length).toBeLessThanOrEqual(4);
    expect(categorical.reduce((sum, value) => sum + Math.abs(value), 0)).toBeGreaterThan(0);
    const domainHash = murmur3('domain=www.google.com');
    expect(features[domainHash % 1024]).not.toBe(0);
  });

  it('is deterministic and differs by value', () => {
    // Act
    const a = buildFeatures(BID, DEFAULT_FEATURE_SPEC);
    const b = buildFeatures({ ...BID }, DEFAULT_FEATURE_SPEC);
    const c = buildFeatures({ ...BID, domain: 'news.example.com' }, DEFAULT_FEATURE_SPEC);

    // Assess
    expect([...a]).toStrictEqual([...b]);
    expect([...a]).not.toStrictEqual([...c]);
  });

  it('gives the same columns in sparse form', () => {
    // Act
    const dense = buildFeatures(BID, DEFAULT_FEATURE_SPEC);
    const sparse = buildSparseFeatures(BID, DEFAULT_FEATURE_SPEC);

    // Assess
    const fromSparse = new Float64Array(dense.length);
    sparse.indices.forEach((index, i) => (fromSparse[index] = sparse.values[i]!));
    expect([...fromSparse]).toStrictEqual([...dense]);
    expect(sparse.indices).toStrictEqual([...sparse.indices].sort((x, y) => x - y));
  });
});

describe('buildDemandFeatures', () => {
  it('turns hydrated demand into the spec’s fields: log counts, trends against the baseline, conversion, ordered units', () => {
    // Prepare
    const input = {
      views: 40,
      carts: 6,
      purchases: 3,
      baseline_views: 9,
      baseline_carts: 1,
      baseline_purchases: 1,
      ordered_units: 12,
    };

    // Act
    const features = Array.from(buildDemandFeatures(input, DEFAULT_DEMAND_FEATURE_SPEC));

    // Assess
    expect(features.map((value) => Number(value.toFixed(4)))).toStrictEqual([
      3.7136, 1.9459, 1.3863, 1.411, 1.204, 0.075, 2.5649,
    ]);
    expect(featureWidth(DEFAULT_DEMAND_FEATURE_SPEC)).toBe(7);
    expect(
      Array.from(
        buildDemandFeatures(
          { ...input, views: 0 },
          { version: 1, kind: 'demand', fields: ['view_to_purchase', 'log_views'] },
        ),
      ),
    ).toStrictEqual([0, 0]);
  });
});
