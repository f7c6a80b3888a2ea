import {
  CreateEndpointCommand,
  CreateEndpointConfigCommand,
  CreateModelCommand,
  DescribeEndpointCommand,
  SageMakerClient,
  UpdateEndpointCommand,
} from '@aws-sdk/client-sagemaker';
import type { ModelEndpoint } from '../domain/modelRecords.js';

export interface SageMakerEndpointOptions {
  endpointName: string;
  /** The model server image (ECR URI); see services/predict/container */
  image: string;
  /** The role SageMaker assumes to pull the image and read the artifact */
  executionRoleArn: string;
  instanceType?: string;
  client?: SageMakerClient;
}

/**
 * Serves a version on the SageMaker endpoint: a model and an endpoint config per version, then the
 * endpoint is created or updated to it, and this returns; SageMaker switches traffic only once the new
 * variant is up, so no request is dropped, and an update that fails leaves the previous config
 * serving (`InService` with a `FailureReason`). `deploymentOf` reads where the endpoint is.
 */
export function sageMakerModelEndpoint(options: SageMakerEndpointOptions): ModelEndpoint {
  const {
    endpointName,
    image,
    executionRoleArn,
    instanceType = 'ml.t2.medium',
    client = new SageMakerClient({}),
  } = options;
  const configOf = (version: string) => `${endpointName}-${version}`.slice(0, 63);
  const describe = () =>
    client.send(new DescribeEndpointCommand({ EndpointName: endpointName })).catch((error: Error) => {
      if (/could not find|not found/i.test(error.message)) return undefined;
      throw error;
    });
  return {
    async startDeployment(version, artifactUri) {
      const name = configOf(version);
      // A version promoted before (a rollback) already has its model and config: reuse them.
      await ignoreExisting(
        client.send(
          new CreateModelCommand({
            ModelName: name,
            ExecutionRoleArn: executionRoleArn,
            PrimaryContainer: { Image: image, ModelDataUrl: artifactUri },
          }),
        ),
      );
      await ignoreExisting(
        client.send(
          new CreateEndpointConfigCommand({
            EndpointConfigName: name,
            ProductionVariants: [
              { VariantName: 'live', ModelName: name, InitialInstanceCount: 1, InstanceType: instanceType as never },
            ],
          }),
        ),
      );
      if (await describe())
        await client.send(new UpdateEndpointCommand({ EndpointName: endpointName, EndpointConfigName: name }));
      else await client.send(new CreateEndpointCommand({ EndpointName: endpointName, EndpointConfigName: name }));
    },
    async deploymentOf(version) {
      const name = configOf(version);
      const endpoint = await describe();
      if (!endpoint) return { state: 'failed', reason: `The endpoint ${endpointName} does not exist.` };
      const status = endpoint.EndpointStatus;
      if (status === 'InService' && endpoint.EndpointConfigName === name) return { state: 'serving' };
      if (status === 'Failed' || (status === 'InService' && endpoint.FailureReason))
        return { state: 'failed', reason: endpoint.FailureReason ?? `The endpoint is ${status}.` };
      // Back in service on another config without a reason: another promotion replaced this one.
      if (status === 'InService')
        return { state: 'failed', reason: `The endpoint serves ${endpoint.EndpointConfigName}, not ${name}.` };
      return { state: 'updating' };
    },
  };
}

async function ignoreExisting(request: Promise<unknown>): Promise<void> {
  await request.catch((error: Error) => {
    if (!/already exist/i.test(error.message)) throw error;
  });
}
