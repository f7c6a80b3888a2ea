import { describeEndpoint } from '../src/emulators/sageMaker/describeEndpoint.js';
import type { StoredEndpoint } from '../src/emulators/sageMaker/types.js';
import type { WeightedSumModel } from './fixtures/weightedSumRuntime.js';

const MODEL: WeightedSumModel = { version: 'v1', weights: [1, 1] };
const VARIANT = {
  VariantName: 'AllTraffic',
  ModelName: 'bid-win-v1',
  InitialInstanceCount: 2,
  InstanceType: 'ml.t2.medium',
};

const anEndpoint = (overrides: Partial<StoredEndpoint>): StoredEndpoint => ({
  EndpointName: 'bid-win',
  EndpointArn: 'arn:aws:sagemaker:us-east-1:000000000000:endpoint/bid-win',
  EndpointStatus: 'InService',
  CreationTime: 100,
  LastModifiedTime: 200,
  ...overrides,
});
const DEPLOYED = {
  endpointConfigName: 'bid-win-v1',
  variants: [
    { variant: VARIANT, image: 'sdp-model:1', modelDataUrl: 's3://m/v1/model.tar.gz', resolvedAt: 150, model: MODEL },
  ],
};

describe('describeEndpoint', () => {
  it('shows a creating endpoint with its configuration and no variants yet', () => {
    // Act
    const output = describeEndpoint(
      anEndpoint({
        EndpointStatus: 'Creating',
        pending: { endpointConfigName: 'bid-win-v1', variants: [VARIANT], startedAt: 100 },
      }),
    );

    // Assess
    expect(output).toStrictEqual({
      EndpointName: 'bid-win',
      EndpointArn: 'arn:aws:sagemaker:us-east-1:000000000000:endpoint/bid-win',
      EndpointConfigName: 'bid-win-v1',
      EndpointStatus: 'Creating',
      CreationTime: 100,
      LastModifiedTime: 200,
    });
  });

  it('shows an updating endpoint serving its old configuration, with the new one pending', () => {
    // Act
    const output = describeEndpoint(
      anEndpoint({
        EndpointStatus: 'Updating',
        deployed: DEPLOYED,
        pending: {
          endpointConfigName: 'bid-win-v2',
          variants: [{ ...VARIANT, ModelName: 'bid-win-v2' }],
          startedAt: 300,
        },
      }),
    );

    // Assess
    expect(output).toStrictEqual({
      EndpointName: 'bid-win',
      EndpointArn: 'arn:aws:sagemaker:us-east-1:000000000000:endpoint/bid-win',
      EndpointConfigName: 'bid-win-v1',
      ProductionVariants: [
        {
          VariantName: 'AllTraffic',
          DeployedImages: [{ SpecifiedImage: 'sdp-model:1', ResolvedImage: 'sdp-model:1', ResolutionTime: 150 }],
          CurrentWeight: 1,
          DesiredWeight: 1,
          CurrentInstanceCount: 2,
          DesiredInstanceCount: 2,
        },
      ],
      EndpointStatus: 'Updating',
      CreationTime: 100,
      LastModifiedTime: 200,
      PendingDeploymentSummary: {
        EndpointConfigName: 'bid-win-v2',
        ProductionVariants: [
          {
            VariantName: 'AllTraffic',
            DesiredWeight: 1,
            DesiredInstanceCount: 2,
            VariantStatus: [{ Status: 'Creating', StartTime: 300 }],
          },
        ],
        StartTime: 300,
      },
    });
  });

  it('shows the reason of a failed update on an endpoint back in service', () => {
    // Act
    const output = describeEndpoint(
      anEndpoint({ deployed: DEPLOYED, FailureReason: 'The primary container … did not pass the ping health check' }),
    );

    // Assess
    expect(output).toMatchObject({
      EndpointStatus: 'InService',
      EndpointConfigName: 'bid-win-v1',
      FailureReason: 'The primary container … did not pass the ping health check',
    });
    expect(output).not.toHaveProperty('PendingDeploymentSummary');
  });
});
