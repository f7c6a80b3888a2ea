import type { components } from '@sdp/shared-contract';
import type { LinearModel, ModelFeatureSpec } from '@sdp/shared-model';

export type ModelVersion = components['schemas']['ModelVersion'];
export type Promotion = components['schemas']['Promotion'];

/** The promotion the endpoint is taking: one at a time per model. */
export interface PendingPromotion {
  version: string;
  /** When it was requested (ISO 8601) */
  since: string;
}
export type ModelMetricsRecord = components['schemas']['ModelMetrics'];

/** The registry of model versions and which one is live. */
export interface ModelRegistry {
  put(version: Omit<ModelVersion, 'live'>): Promise<void>;
  get(version: string): Promise<Omit<ModelVersion, 'live'> | undefined>;
  list(): Promise<Omit<ModelVersion, 'live'>[]>;
  liveVersion(): Promise<string | undefined>;
  /** The promotion the endpoint is taking, if any */
  pendingPromotion(): Promise<PendingPromotion | undefined>;
  /** Both of the above, from one read */
  livePointer(): Promise<{ liveVersion: string | undefined; pending: PendingPromotion | undefined }>;
  /**
   * Records the version's promotion as the model's pending one, with its `pending` record on the
   * version, in one write; false (nothing written) when another promotion is pending.
   */
  beginPromotion(version: string, promotion: Promotion): Promise<boolean>;
  /**
   * Ends the pending promotion of `version` with its final record (`live` also makes it the live
   * version), in one write; false (nothing written) when it is not the pending one any more.
   */
  endPromotion(version: string, promotion: Promotion): Promise<boolean>;
}

/** Where model artifacts (model.tar.gz) are kept. */
export interface ModelArtifacts {
  save(model: LinearModel): Promise<string>;
  load(uri: string): Promise<LinearModel>;
}

/** Where the endpoint is with a version it was asked to serve. */
export type Deployment = { state: 'serving' } | { state: 'updating' } | { state: 'failed'; reason: string };

/** The SageMaker endpoint that serves the live model. */
export interface ModelEndpoint {
  /** Asks the endpoint to serve this artifact and returns at once; it keeps serving the previous one meanwhile */
  startDeployment(version: string, artifactUri: string, featureSpec: ModelFeatureSpec): Promise<void>;
  /** Whether the endpoint serves `version` yet, is still taking it, or could not */
  deploymentOf(version: string): Promise<Deployment>;
}
