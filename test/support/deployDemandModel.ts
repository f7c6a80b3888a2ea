import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  waitUntilEndpointInService,
} from '@aws-sdk/client-sagemaker';
import { localSageMakerClient } from '@sdp/local-cloud';
import { DEFAULT_DEMAND_FEATURE_SPEC, packModelArtifact, type LinearModel } from '@sdp/shared-model';

/** The local endpoint dynamic pricing asks. */
export const DEMAND_ENDPOINT = 'sdp-demand-price-local';

/**
 * A demand model that sees a surge when views and carts trend up against their baseline (weights in
 * `DEFAULT_DEMAND_FEATURE_SPEC`'s order), for tests and benchmarks that exercise pricing on its own.
 */
export const TREND_DEMAND_MODEL: LinearModel = {
  format: 'sdp-logistic-v1',
  version: 'demand-test-1',
  featureSpec: DEFAULT_DEMAND_FEATURE_SPEC,
  // log_views, log_carts, log_purchases, view_trend, intent_trend, view_to_purchase, log_ordered_units
  weights: [0, 0, 0, 2.5, 1, 0, 0],
  bias: -2,
  threshold: 0.5,
};

/**
 * Serves `model` on the local SageMaker's demand endpoint as the retrain service would: its
 * model.tar.gz in the local object store, a model, an endpoint config, the endpoint; resolves once
 * it is in service.
 */
export async function deployDemandModel(
  cloud: { objectStoreDir: string; sageMakerEndpoint: string },
  model: LinearModel = TREND_DEMAND_MODEL,
): Promise<void> {
  const artifact = path.join(cloud.objectStoreDir, 'demand-models', model.version, 'model.tar.gz');
  await mkdir(path.dirname(artifact), { recursive: true });
  await writeFile(artifact, await packModelArtifact(model));
  const sageMaker = localSageMakerClient(cloud.sageMakerEndpoint);
  try {
    await sageMaker.send(
      new CreateModelCommand({
        ModelName: model.version,
        PrimaryContainer: { Image: 'model-server', ModelDataUrl: `s3://demand-models/${model.version}/model.tar.gz` },
      }),
    );
    await sageMaker.send(
      new CreateEndpointConfigCommand({
        EndpointConfigName: model.version,
        ProductionVariants: [
          { VariantName: 'live', ModelName: model.version, InitialInstanceCount: 1, InstanceType: 'ml.t2.medium' },
        ],
      }),
    );
    await sageMaker.send(
      new CreateEndpointCommand({ EndpointName: DEMAND_ENDPOINT, EndpointConfigName: model.version }),
    );
    await waitUntilEndpointInService(
      { client: sageMaker, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
      { EndpointName: DEMAND_ENDPOINT },
    );
  } finally {
    sageMaker.destroy();
  }
}
