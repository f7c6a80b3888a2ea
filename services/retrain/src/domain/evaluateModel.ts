import { sigmoid } from '@sdp/shared-model';
import type { ModelMetrics, TrainingExample } from './types.js';

const EPSILON = 1e-15;
const BINS = 10;

/**
 * AUC (the probability that a random win scores above a random loss, ties counting half), log-loss and
 * calibration over 10 score bins, of a model on labelled examples.
 */
export function evaluateModel(
  model: { weights: readonly number[]; bias: number },
  examples: readonly TrainingExample[],
): ModelMetrics {
  const scores = examples.map(({ features }) => {
    let z = model.bias;
    for (let i = 0; i < features.indices.length; i++) z += model.weights[features.indices[i]!]! * features.values[i]!;
    return sigmoid(z);
  });
  const labels = examples.map((example) => example.label);
  return {
    ...calibrationOf(scores, labels),
    auc: auc(scores, labels),
    logLoss: logLoss(scores, labels),
    rows: examples.length,
    positives: labels.filter(Boolean).length,
  };
}

/** Mann–Whitney AUC with average ranks for ties; NaN when one class is missing. */
export function auc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const order = Array.from(scores.keys()).sort((a, b) => scores[a]! - scores[b]!);
  const ranks = new Float64Array(scores.length);
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j++;
    for (let k = i; k <= j; k++) ranks[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  const positives = labels.filter(Boolean).length;
  const negatives = labels.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  const rankSum = labels.reduce<number>((sum, label, i) => sum + (label ? ranks[i]! : 0), 0);
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function logLoss(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const total = scores.reduce((sum, score, i) => {
    const p = Math.min(1 - EPSILON, Math.max(EPSILON, score));
    return sum - (labels[i] ? Math.log(p) : Math.log(1 - p));
  }, 0);
  return total / scores.length;
}

function calibrationOf(
  scores: readonly number[],
  labels: readonly (0 | 1)[],
): Pick<ModelMetrics, 'calibration' | 'calibrationError'> {
  const bins = Array.from({ length: BINS }, (_, bin) => ({ bin, scoreSum: 0, positives: 0, count: 0 }));
  scores.forEach((score, i) => {
    const bin = bins[Math.min(BINS - 1, Math.floor(score * BINS))]!;
    bin.scoreSum += score;
    bin.positives += labels[i]!;
    bin.count += 1;
  });
  const calibration = bins
    .filter((bin) => bin.count > 0)
    .map(({ bin, scoreSum, positives, count }) => ({
      bin,
      meanScore: scoreSum / count,
      observedRate: positives / count,
      count,
    }));
  const calibrationError = calibration.reduce(
    (sum, b) => sum + (Math.abs(b.meanScore - b.observedRate) * b.count) / scores.length,
    0,
  );
  return { calibration, calibrationError };
}
