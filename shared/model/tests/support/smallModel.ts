import { DEFAULT_FEATURE_SPEC } from '../../src/featureSpec.js';
import type { LinearModel } from '../../src/linearModel.js';

/** A three-column model (two hash buckets and the price) whose scores are easy to work out by hand. */
export const smallModel = (version = 'v7'): LinearModel => ({
  format: 'sdp-logistic-v1',
  version,
  featureSpec: { ...DEFAULT_FEATURE_SPEC, hashBuckets: 2 },
  weights: [1, -2, 0.5],
  bias: -0.25,
  threshold: 0.5,
});
