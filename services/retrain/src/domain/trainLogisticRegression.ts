import { seededRandom } from '@sdp/shared-runtime';
import type { TrainingExample, TrainingOptions } from './types.js';

export const DEFAULT_TRAINING_OPTIONS: TrainingOptions = {
  epochs: 8,
  learningRate: 0.5,
  l2: 1e-5,
  batchSize: 64,
  seed: 1,
};

/**
 * L2-regularised logistic regression by mini-batch Adagrad over sparse rows: each step touches only
 * the columns its examples use (a handful of hashed categories and the price), so a pass over 100,000
 * bids takes milliseconds, and rare categories get larger steps than frequent ones. Several epochs,
 * reshuffled each time with a seeded generator: the same data and options give the same model.
 * Hand-written (60 lines) because the npm options are dense-only or unmaintained.
 *
 * @example
 * const { weights, bias } = trainLogisticRegression(examples, 1025, DEFAULT_TRAINING_OPTIONS);
 */
export function trainLogisticRegression(
  examples: readonly TrainingExample[],
  width: number,
  options: TrainingOptions = DEFAULT_TRAINING_OPTIONS,
): { weights: number[]; bias: number } {
  const weights = new Float64Array(width);
  const squaredGradients = new Float64Array(width).fill(1e-8);
  let bias = 0;
  let biasSquaredGradient = 1e-8;
  const order = Array.from(examples.keys());
  const random = seededRandom(options.seed);
  const gradient = new Float64Array(width);
  const touched = new Set<number>();
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, random);
    for (let start = 0; start < order.length; start += options.batchSize) {
      const batch = order.slice(start, start + options.batchSize);
      let biasGradient = 0;
      for (const index of batch) {
        const { features, label } = examples[index]!;
        let z = bias;
        for (let i = 0; i < features.indices.length; i++) z += weights[features.indices[i]!]! * features.values[i]!;
        const error = 1 / (1 + Math.exp(-z)) - label;
        biasGradient += error;
        for (let i = 0; i < features.indices.length; i++) {
          const column = features.indices[i]!;
          gradient[column]! += error * features.values[i]!;
          touched.add(column);
        }
      }
      for (const column of touched) {
        const g = gradient[column]! / batch.length + options.l2 * weights[column]!;
        squaredGradients[column]! += g * g;
        weights[column]! -= (options.learningRate * g) / Math.sqrt(squaredGradients[column]!);
        gradient[column] = 0;
      }
      touched.clear();
      const g = biasGradient / batch.length;
      biasSquaredGradient += g * g;
      bias -= (options.learningRate * g) / Math.sqrt(biasSquaredGradient);
    }
  }
  return { weights: [...weights], bias };
}

function shuffle(items: number[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
