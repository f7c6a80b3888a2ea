import type { ModelRuntime } from '@sdp/local-cloud';
import { handleInvocation, unpackModelArtifact, type LinearModel } from '@sdp/shared-model';

/**
 * The platform's model container (services/predict/container) for the local SageMaker, in process:
 * it loads a `model.tar.gz` with `unpackModelArtifact` and answers with `handleInvocation`, the same
 * code the container runs, so an endpoint answers locally as it does on AWS (linear-learner's shape,
 * `model_version=<version>` in the custom attributes, 400 for a body it cannot read).
 *
 * @example
 * await startLocalCloud({ root, dataDir, hooks: { modelRuntimes: { '*': linearModelRuntime } } });
 */
export const linearModelRuntime: ModelRuntime<LinearModel> = {
  load: (artifact) => unpackModelArtifact(artifact),
  invoke: (model, invocation) => handleInvocation(model, invocation),
  describe: (model) => model.version,
};
