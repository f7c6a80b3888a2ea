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
  /** How long to wait for the endpoint to serve the new model */
  timeoutMs?: number;
  pollMs?: number;
  client?: SageMakerClient;
}

/**
 * Serves a version on the SageMaker endpoint: a model and an endpoint config per version, then the
 * endpoint is created or updated to it; SageMaker switches traffic only once the new variant is up, so
 * no request is dropped. Resolves when the endpoint is `InService` on the new config.
 */
export function sageMakerModelEndpoint(options: SageMakerEndpointOptions): ModelEndpoint {
  const {
    endpointName,
    image,
    executionRoleArn,
    instanceType = 'ml.t2.medium',
    timeoutMs = 840_000,
    pollMs = 1_000,
    client = new SageMakerClient({}),
  } = options;
  return {
    async deploy(version, artifactUri) {
      const name = `${endpointName}-${version}`.slice(0, 63);
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
      const exists = await client.send(new DescribeEndpointCommand({ EndpointName: endpointName })).then(
        () => true,
        (error: Error) => {
          if (/could not find|not found/i.test(error.message)) return false;
          throw error;
        },
      );
      if (exists)
        await client.send(new UpdateEndpointCommand({ EndpointName: endpointName, EndpointConfigName: name }));
      else await client.send(new CreateEndpointCommand({ EndpointName: endpointName, EndpointConfigName: name }));
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const endpoint = await client.send(new DescribeEndpointCommand({ EndpointName: endpointName }));
        if (endpoint.EndpointStatus === 'InService' && endpoint.EndpointConfigName === name) return;
        if (
          endpoint.EndpointStatus === 'Failed' ||
          (endpoint.EndpointStatus === 'InService' && endpoint.FailureReason)
        ) {
          throw new Error(
            `The endpoint ${endpointName} did not take ${version}: ${endpoint.FailureReason ?? endpoint.EndpointStatus}`,
          );
        }
        if (Date.now() > deadline)
          throw new Error(`The endpoint ${endpointName} was not serving ${version} after ${timeoutMs / 1000} s`);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    },
  };
}

async function ignoreExisting(request: Promise<unknown>): Promise<void> {
  await request.catch((error: Error) => {
    if (!/already exist/i.test(error.message)) throw error;
  });
}
