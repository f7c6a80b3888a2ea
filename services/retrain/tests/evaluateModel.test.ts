import { decidePromotion } from '../src/domain/decidePromotion.js';
import { auc, logLoss } from '../src/domain/evaluateModel.js';
import { splitByTime } from '../src/domain/splitByTime.js';
import type { ModelMetrics } from '../src/domain/types.js';

const metrics = (auc: number, logLoss: number): ModelMetrics => ({
  auc,
  logLoss,
  calibrationError: 0,
  calibration: [],
  rows: 100,
  positives: 30,
});

describe('auc', () => {
  it.each([
    [[0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75],
    [[0.9, 0.8, 0.2, 0.1], [1, 1, 0, 0], 1],
    [[0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0],
    [[0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5],
  ] as const)('of %j with labels %j is %d', (scores, labels, expected) => {
    // Act / Assess
    expect(auc(scores, labels)).toBeCloseTo(expected, 12);
  });

  it('is undefined for one class', () => {
    // Act / Assess
    expect(auc([0.2, 0.3], [1, 1])).toBeNaN();
  });
});

describe('logLoss', () => {
  it('is the mean negative log-likelihood, finite even for certain wrong answers', () => {
    // Act / Assess
    expect(logLoss([0.8, 0.4], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, 12);
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
  });
});

describe('splitByTime', () => {
  it('validates on the newest examples', () => {
    // Prepare
    const examples = [5, 1, 4, 2, 3].map((at) => ({ features: { indices: [], values: [] }, label: 0 as const, at }));

    // Act
    const { train, validation, validationFrom } = splitByTime(examples, 0.4);

    // Assess
    expect({ train: train.map((e) => e.at), validation: validation.map((e) => e.at), validationFrom }).toStrictEqual({
      train: [1, 2, 3],
      validation: [4, 5],
      validationFrom: 4,
    });
  });
});

describe('decidePromotion', () => {
  it.each([
    [
      metrics(0.81, 0.45),
      metrics(0.78, 0.47),
      true,
      'AUC 0.8100 beats the live 0.7800 by 0.0300 (≥ 0.0050) on the same window; log-loss 0.4500 ≤ 0.4700',
    ],
    [
      metrics(0.782, 0.46),
      metrics(0.78, 0.47),
      false,
      'AUC 0.7820 does not beat the live 0.7800 by 0.0050 on the same window (gain 0.0020)',
    ],
    [metrics(0.81, 0.5), metrics(0.78, 0.47), false, 'AUC improves by 0.0300 but log-loss worsens (0.5000 > 0.4700)'],
    [metrics(0.7, 0.6), undefined, true, 'no live model; AUC 0.7000 is better than chance by more than 0.0050'],
    [metrics(0.502, 0.69), undefined, false, 'AUC 0.5020 is no better than chance (needs > 0.5050)'],
    [metrics(Number.NaN, 0.69), undefined, false, 'the validation window holds only one class, so AUC is undefined'],
  ])('decides %j against %j', (candidate, live, promote, reason) => {
    // Act / Assess
    expect(decidePromotion(candidate, live, 0.005)).toStrictEqual({ promote, reason });
  });
});
