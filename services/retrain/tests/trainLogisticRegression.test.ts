import { DEFAULT_FEATURE_SPEC, featureWidth } from '@sdp/shared-model';
import { evaluateModel } from '../src/domain/evaluateModel.js';
import { splitByTime } from '../src/domain/splitByTime.js';
import { DEFAULT_TRAINING_OPTIONS, trainLogisticRegression } from '../src/domain/trainLogisticRegression.js';
import { syntheticBids } from '../../../fixtures/bids/syntheticBids.js';

const WIDTH = featureWidth(DEFAULT_FEATURE_SPEC);

describe('trainLogisticRegression', () => {
  const { train, validation } = splitByTime(syntheticBids(20_000, 7), 0.2);

  it('learns that win probability grows with price and separates wins from losses on later bids', () => {
    // Act
    const model = trainLogisticRegression(train, WIDTH);
    const metrics = evaluateModel(model, validation);

    // Assess
    expect(model.weights[DEFAULT_FEATURE_SPEC.hashBuckets]).toBeGreaterThan(0.5);
    expect(metrics.auc).toBeGreaterThan(0.75);
    expect(metrics.calibrationError).toBeLessThan(0.05);
  });

  it('learns nothing from shuffled labels', () => {
    // Prepare
    const labels = train.map((example) => example.label).reverse();
    const shuffled = train.map((example, i) => ({ ...example, label: labels[i]! }));

    // Act
    const metrics = evaluateModel(trainLogisticRegression(shuffled, WIDTH), validation);

    // Assess
    expect(Math.abs(metrics.auc - 0.5)).toBeLessThan(0.05);
  });

  it('gives the same model for the same data and seed, another for another seed', () => {
    // Act
    const a = trainLogisticRegression(train.slice(0, 2000), WIDTH, { ...DEFAULT_TRAINING_OPTIONS, epochs: 2 });
    const b = trainLogisticRegression(train.slice(0, 2000), WIDTH, { ...DEFAULT_TRAINING_OPTIONS, epochs: 2 });
    const c = trainLogisticRegression(train.slice(0, 2000), WIDTH, { ...DEFAULT_TRAINING_OPTIONS, epochs: 2, seed: 2 });

    // Assess
    expect(a).toStrictEqual(b);
    expect(a.weights).not.toStrictEqual(c.weights);
  });
});
