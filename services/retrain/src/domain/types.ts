import type { FeatureInput, SparseFeatures } from '@sdp/shared';

/** One labelled bid: its features and whether it won (joined to an impression). */
export interface TrainingExample {
  /** The bid as the predict API sees it, to rebuild features under another model's spec */
  input?: FeatureInput;
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
