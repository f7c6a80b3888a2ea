import type { DemandFeatureInput, FeatureInput, SparseFeatures } from '@sdp/shared-model';

/** One labelled example: a bid and whether it won, or a product's demand and whether it surged next. */
export interface TrainingExample {
  /** What the features were built from, to rebuild them under another model's spec */
  input?: FeatureInput | DemandFeatureInput;
  features: SparseFeatures;
  label: 0 | 1;
  /** Event time (epoch ms), for the split by time */
  at: number;
}

export interface TrainingOptions {
  epochs: number;
  /** Adagrad base learning rate */
  learningRate: number;
  /** L2 penalty per example */
  l2: number;
  batchSize: number;
  /** Seeds the shuffle of each epoch, so a training run is reproducible */
  seed: number;
}

/** How well a model separates and calibrates on a set of examples. */
export interface ModelMetrics {
  auc: number;
  logLoss: number;
  /** Mean |predicted − observed| over 10 score bins, weighted by count (expected calibration error) */
  calibrationError: number;
  calibration: { bin: number; meanScore: number; observedRate: number; count: number }[];
  rows: number;
  positives: number;
}
