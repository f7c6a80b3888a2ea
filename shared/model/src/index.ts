/** The linear models: features, scoring, artifacts, the SageMaker endpoint client and the inference container protocol. */
export { murmur3 } from './murmur3.js';
export {
  DEFAULT_DEMAND_FEATURE_SPEC,
  DEFAULT_FEATURE_SPEC,
  DEMAND_FEATURE_FIELDS,
  buildDemandFeatures,
  buildFeatures,
  buildSparseFeatures,
  featureWidth,
} from './featureSpec.js';
export type {
  CategoricalField,
  DemandFeatureField,
  DemandFeatureInput,
  DemandFeatureSpec,
  FeatureInput,
  FeatureSpec,
  ModelFeatureSpec,
  SparseFeatures,
} from './featureSpec.js';
export { predictRows, scoreFeatures, sigmoid } from './linearModel.js';
export type { LinearModel, Prediction } from './linearModel.js';
export { InvalidInvocationError, parseInvocationBody } from './parseInvocationBody.js';
export { InvalidModelArtifactError } from './errors.js';
export { parseLinearModel } from './parseLinearModel.js';
export { MODEL_FILE_NAME } from './constants.js';
export { packModelArtifact, unpackModelArtifact } from './modelArtifact.js';
export { CUSTOM_ATTRIBUTES_HEADER, handleInvocation } from './handleInvocation.js';
export type { InvocationRequest, InvocationResponse } from './handleInvocation.js';
export { sageMakerEndpoint } from './sageMakerEndpoint.js';
export type { EndpointAnswer } from './sageMakerEndpoint.js';
