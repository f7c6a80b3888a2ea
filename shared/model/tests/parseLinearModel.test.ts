import { parseLinearModel } from '../src/parseLinearModel.js';

import { smallModel } from './support/smallModel.js';

const MODEL = smallModel();

describe('parseLinearModel', () => {
  it('serves a demand model: one weight per demand feature field', () => {
    // Prepare
    const demand = {
      ...MODEL,
      featureSpec: { version: 1, kind: 'demand', fields: ['view_trend', 'log_purchases'] },
      weights: [2, 0.5],
    };

    // Act
    const model = parseLinearModel(demand, 'model.json');

    // Assess
    expect(model).toStrictEqual(demand);
  });

  it('returns a servable model as it is, without extra fields', () => {
    // Act
    const model = parseLinearModel({ ...MODEL, trainedOn: '2026-11-21' }, 'model.json');

    // Assess
    expect(model).toStrictEqual(MODEL);
  });

  it.each([
    ['not an object', [MODEL], 'the model must be a JSON object'],
    [
      'another format',
      { ...MODEL, format: 'linear-learner' },
      'format is "linear-learner", expected "sdp-logistic-v1"',
    ],
    ['no version', { ...MODEL, version: undefined }, 'version must be 1 to 128 characters of A-Z a-z 0-9 . _ : + -'],
    [
      'a version unsafe in a header',
      { ...MODEL, version: 'v1, model_version=v2' },
      'version must be 1 to 128 characters',
    ],
    [
      'another feature spec version',
      { ...MODEL, featureSpec: { ...MODEL.featureSpec, version: 2 } },
      'featureSpec.version must be 1',
    ],
    [
      'no hash buckets',
      { ...MODEL, featureSpec: { ...MODEL.featureSpec, hashBuckets: 0 } },
      'featureSpec.hashBuckets must be an integer from 1 to 1048576',
    ],
    [
      'an unknown field',
      { ...MODEL, featureSpec: { ...MODEL.featureSpec, categorical: ['country'] } },
      'featureSpec.categorical must list fields among campaignItemId, domain, creativeId, creativeCategory',
    ],
    [
      'another price transform',
      { ...MODEL, featureSpec: { ...MODEL.featureSpec, price: { field: 'winPrice', transform: 'log' } } },
      'featureSpec.price must be',
    ],
    ['too few weights', { ...MODEL, weights: [1, 2] }, 'weights must be 3 finite numbers (hashBuckets + 1)'],
    ['a weight that is not finite', { ...MODEL, weights: [1, null, 2] }, 'weights must be 3 finite numbers'],
    ['no bias', { ...MODEL, bias: '0.1' }, 'bias must be a finite number'],
    ['a threshold above 1', { ...MODEL, threshold: 1.5 }, 'threshold must be a number from 0 to 1'],
    [
      'a demand spec with an unknown field',
      { ...MODEL, featureSpec: { version: 1, kind: 'demand', fields: ['log_views', 'weather'] } },
      'featureSpec.fields must list fields among log_views,',
    ],
    [
      'a demand model with a weight per hash bucket',
      { ...MODEL, featureSpec: { version: 1, kind: 'demand', fields: ['log_views'] } },
      'weights must be 1 finite numbers (one per field)',
    ],
  ])('rejects %s', (_, value, problem) => {
    // Act / Assess
    expect(() => parseLinearModel(value, '/opt/ml/model/model.json')).toThrow(
      `/opt/ml/model/model.json is not a servable model: ${problem}`,
    );
  });
});
