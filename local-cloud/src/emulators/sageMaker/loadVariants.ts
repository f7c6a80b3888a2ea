import { sageMakerArn } from './constants.js';
import { modelRuntimeFor } from './modelRuntimeFor.js';
import { readModelData } from './readModelData.js';
import type { DeployedVariant, ModelRuntimes, ProductionVariant, StoredModel } from './types.js';

/**
 * What an endpoint's instances do before they take traffic: for each variant, find its model, fetch
 * the artifact at its `ModelDataUrl` from the local object store and load it with the runtime of
 * its image (the container's ping health check). Rejects with the `FailureReason` SageMaker would
 * show when any variant fails.
 *
 * @example
 * const variants = await loadVariants(config.ProductionVariants, state.models, '.data/local/s3', { '*': runtime });
 */
export async function loadVariants(
  variants: readonly ProductionVariant[],
  models: Readonly<Record<string, StoredModel>>,
  objectStoreDir: string,
  runtimes: ModelRuntimes,
  now: () => number = () => Date.now() / 1000,
): Promise<DeployedVariant[]> {
  return Promise.all(
    variants.map(async (variant) => {
      const stored = models[variant.ModelName];
      if (!stored) throw new Error(`Could not find model "${sageMakerArn('model', variant.ModelName)}".`);
      const { Image: image, ModelDataUrl: modelDataUrl = '', Environment: environment = {} } = stored.PrimaryContainer;
      const runtime = modelRuntimeFor(runtimes, image);
      if (!runtime)
        throw new Error(
          `The local SageMaker has no model runtime for the image ${image ?? '(none)'} of production variant ${variant.VariantName}: it runs no containers, only the modelRuntimes it is given.`,
        );
      const artifact = await readModelData(modelDataUrl, objectStoreDir);
      if (!artifact)
        throw new Error(
          `Failed to download model data for production variant ${variant.VariantName}: no object at ${modelDataUrl}.`,
        );
      try {
        const model = await runtime.load(artifact, { image, environment, modelDataUrl });
        return { variant, image: image ?? '', modelDataUrl, resolvedAt: now(), model };
      } catch (error) {
        const reason = `The primary container for production variant ${variant.VariantName} did not pass the ping health check: ${(error as Error).message}`;
        throw new Error(reason, { cause: error });
      }
    }),
  );
}
