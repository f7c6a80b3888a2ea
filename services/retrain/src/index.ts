/**
 * `@sdp/retrain`: what other services may know of the retrain service besides its outputs and API.
 * Everything else under `src/` is internal (docs/architecture.md, "Boundaries").
 */

// The model registry's items, as predict reads them (the live version and its feature spec)
export { featureSpecOf, LIVE_POINTER, liveVersionOf, modelRegistryKeyOf } from './adapters/modelRegistryItem.js';

/** Public for the prediction benchmark (bench/predict.ts), which trains, evaluates and publishes a model as retrain does. */
export { DEFAULT_TRAINING_OPTIONS, trainLogisticRegression } from './domain/trainLogisticRegression.js';
export { evaluateModel } from './domain/evaluateModel.js';
export { requestPromotion } from './domain/requestPromotion.js';
export { splitByTime } from './domain/splitByTime.js';
export type { TrainingExample } from './domain/types.js';
/** Public for the prediction benchmark: where retrain keeps artifacts, versions and the endpoint it promotes to. */
export { objectStoreModelArtifacts } from './adapters/modelArtifactStore.js';
export { dynamoDbModelRegistry } from './adapters/modelRegistryTable.js';
export { sageMakerModelEndpoint } from './adapters/sageMakerModelEndpoint.js';
