import type { components } from '@sdp/shared-contract';
import type { LinearModel, ModelFeatureSpec } from '@sdp/shared-model';

export type ModelVersion = components['schemas']['ModelVersion'];
export type ModelMetricsRecord = components['schemas']['ModelMetrics'];

/** The registry of model versions and which one is live. */
export interface ModelRegistry {
  put(version: Omit<ModelVersion, 'live'>): Promise<void>;
  get(version: string): Promise<Omit<ModelVersion, 'live'> | undefined>;
  list(): Promise<Omit<ModelVersion, 'live'>[]>;
  liveVersion(): Promise<string | undefined>;
  /** Records `version` as live, only if `expected` is still live (undefined: none yet); false when it was not */
  setLive(version: string, expected: string | undefined): Promise<boolean>;
}

/** Where model artifacts (model.tar.gz) are kept. */
export interface ModelArtifacts {
  save(model: LinearModel): Promise<string>;
  load(uri: string): Promise<LinearModel>;
}

/** The SageMaker endpoint that serves the live model. */
export interface ModelEndpoint {
  /** Makes the endpoint serve this artifact; resolves once it does */
  deploy(version: string, artifactUri: string, featureSpec: ModelFeatureSpec): Promise<void>;
}
