import { settleDeployment } from '../src/emulators/sageMaker/settleDeployment.js';
import type { DeployedVariant, StoredEndpoint } from '../src/emulators/sageMaker/types.js';
import type { WeightedSumModel } from './fixtures/weightedSumRuntime.js';

const aModel = (version: string): WeightedSumModel => ({ version, weights: [1, 1] });
const aVariant = (version: string): DeployedVariant => ({
  variant: { VariantName: 'AllTraffic', ModelName: `bid-win-${version}` },
  image: 'sdp-model:1',
  modelDataUrl: `s3://models/${version}/model.tar.gz`,
  resolvedAt: 10,
  model: aModel(version),
});
const pendingFor = (version: string) => ({
  endpointConfigName: `bid-win-${version}`,
  variants: [aVariant(version).variant],
  startedAt: 50,
});
const anEndpoint = (overrides: Partial<StoredEndpoint>): StoredEndpoint => ({
  EndpointName: 'bid-win',
  EndpointArn: 'arn:aws:sagemaker:us-east-1:000000000000:endpoint/bid-win',
  EndpointStatus: 'InService',
  CreationTime: 1,
  LastModifiedTime: 2,
  ...overrides,
});

describe('settleDeployment', () => {
  it('swaps a loaded update in and clears the pending deployment', () => {
    // Prepare
    const endpoint = anEndpoint({
      EndpointStatus: 'Updating',
      deployed: { endpointConfigName: 'bid-win-v1', variants: [aVariant('v1')] },
      pending: pendingFor('v2'),
    });
    const servingBefore = endpoint.deployed;

    // Act
    settleDeployment(endpoint, { variants: [aVariant('v2')] }, 99);

    // Assess
    expect(endpoint).toStrictEqual(
      anEndpoint({
        EndpointStatus: 'InService',
        LastModifiedTime: 99,
        deployed: { endpointConfigName: 'bid-win-v2', variants: [aVariant('v2')] },
      }),
    );
    expect(servingBefore).toStrictEqual({ endpointConfigName: 'bid-win-v1', variants: [aVariant('v1')] });
  });

  it('keeps the serving deployment when an update fails, InService with the reason', () => {
    // Prepare
    const deployed = { endpointConfigName: 'bid-win-v1', variants: [aVariant('v1')] };
    const endpoint = anEndpoint({ EndpointStatus: 'Updating', deployed, pending: pendingFor('v2') });

    // Act
    settleDeployment(endpoint, { failureReason: 'did not pass the ping health check' }, 99);

    // Assess
    expect(endpoint).toStrictEqual(
      anEndpoint({
        EndpointStatus: 'InService',
        LastModifiedTime: 99,
        deployed,
        FailureReason: 'did not pass the ping health check',
      }),
    );
  });

  it('fails a creation that cannot load', () => {
    // Prepare
    const endpoint = anEndpoint({ EndpointStatus: 'Creating', pending: pendingFor('v1') });

    // Act
    settleDeployment(endpoint, { failureReason: 'Failed to download model data' }, 99);

    // Assess
    expect(endpoint).toStrictEqual(
      anEndpoint({ EndpointStatus: 'Failed', LastModifiedTime: 99, FailureReason: 'Failed to download model data' }),
    );
  });
});
