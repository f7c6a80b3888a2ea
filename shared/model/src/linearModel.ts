import type { ModelFeatureSpec } from './featureSpec.js';

/**
 * A trained logistic-regression model as it is stored (`model.json` inside `model.tar.gz`, the
 * artifact a SageMaker endpoint loads) and served: the bid-win model (hashed bid features) or the
 * demand model (a product's demand features; its score is the probability that demand surges).
 */
export interface LinearModel {
  format: 'sdp-logistic-v1';
  /** The registry's version id */
  version: string;
  featureSpec: ModelFeatureSpec;
  weights: number[];
  bias: number;
  /** Scores at or above it are labelled 1 */
  threshold: number;
}

/** A prediction in SageMaker linear-learner's response shape. */
export interface Prediction {
  score: number;
  predicted_label: 0 | 1;
}

export const sigmoid = (z: number): number => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** The probability of class 1 for one feature vector. */
export function scoreFeatures(model: Pick<LinearModel, 'weights' | 'bias'>, features: ArrayLike<number>): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += model.weights[i]! * features[i]!;
  return sigmoid(z);
}

/** Predictions for rows of features, as the endpoint answers them. */
export function predictRows(model: LinearModel, rows: readonly ArrayLike<number>[]): { predictions: Prediction[] } {
  return {
    predictions: rows.map((row) => {
      const score = scoreFeatures(model, row);
      return { score, predicted_label: score >= model.threshold ? 1 : 0 };
    }),
  };
}
