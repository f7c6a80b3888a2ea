import { featureSpecOf, LIVE_POINTER, liveVersionOf, modelRegistryKeyOf } from '../src/index.js';

describe('the model registry’s items as predict reads them', () => {
  it('keys the live pointer and each version by `version`', () => {
    // Assess
    expect(modelRegistryKeyOf(LIVE_POINTER)).toStrictEqual({ version: '@live' });
    expect(modelRegistryKeyOf('v20261122T0400Z')).toStrictEqual({ version: 'v20261122T0400Z' });
  });

  it('reads the live version, and none before any promotion', () => {
    // Assess
    expect(liveVersionOf({ version: '@live', live_version: 'v20261122T0400Z', new_bids: 12 })).toBe('v20261122T0400Z');
    expect(liveVersionOf({ version: '@live', new_bids: 12 })).toBeUndefined();
    expect(liveVersionOf(undefined)).toBeUndefined();
  });

  it('reads the feature spec a version was trained with', () => {
    // Prepare
    const spec = { hashBuckets: 4096, categorical: ['domain'] };

    // Assess
    expect(featureSpecOf({ version: 'v1', feature_spec: spec })).toStrictEqual(spec);
  });
});
