import { invokeEndpoint, type EndpointInvocation } from '../src/emulators/sageMaker/invokeEndpoint.js';
import type { DeployedVariant, Deployment, ModelRuntimes } from '../src/emulators/sageMaker/types.js';
import { weightedSumRuntime, weightedSums, type WeightedSumModel } from './fixtures/weightedSumRuntime.js';

const RUNTIMES: ModelRuntimes = { 'sdp-model': weightedSumRuntime };
const aModel = (version: string): WeightedSumModel => ({ version, weights: [1, -1, 0.5] });

const aVariant = (VariantName: string, model: WeightedSumModel, InitialVariantWeight?: number): DeployedVariant => ({
  variant: {
    VariantName,
    ModelName: `model-${VariantName}`,
    ...(InitialVariantWeight === undefined ? {} : { InitialVariantWeight }),
  },
  image: 'sdp-model:latest',
  modelDataUrl: `s3://models/${model.version}/model.tar.gz`,
  resolvedAt: 0,
  model,
});

const deploymentOf = (...variants: DeployedVariant[]): Deployment => ({ endpointConfigName: 'bid-win-v1', variants });
const anInvocation = (overrides: Partial<EndpointInvocation> = {}): EndpointInvocation => ({
  endpointName: 'bid-win',
  contentType: 'text/csv',
  targetVariant: undefined,
  body: '1,0,2',
  ...overrides,
});

describe('invokeEndpoint', () => {
  it("answers with the variant and its model's answer", async () => {
    // Prepare
    const model = aModel('v1');

    // Act
    const response = await invokeEndpoint(deploymentOf(aVariant('AllTraffic', model)), anInvocation(), RUNTIMES);

    // Assess
    expect(response).toStrictEqual({
      statusCode: 200,
      headers: {
        'Content-Type': 'application/json',
        'X-Amzn-SageMaker-Custom-Attributes': 'model_version=v1',
        'x-Amzn-Invoked-Production-Variant': 'AllTraffic',
      },
      body: JSON.stringify(weightedSums(model, [[1, 0, 2]])),
    });
  });

  it.each([
    [0, 'Blue'],
    [0.74, 'Blue'],
    [0.76, 'Green'],
    [0.99, 'Green'],
  ])('routes by weight: a draw of %d goes to %s (weights 3:1)', async (draw, expected) => {
    // Prepare
    const deployment = deploymentOf(aVariant('Blue', aModel('v1'), 3), aVariant('Green', aModel('v2'), 1));

    // Act
    const response = await invokeEndpoint(deployment, anInvocation(), RUNTIMES, () => draw);

    // Assess
    expect(response.headers['x-Amzn-Invoked-Production-Variant']).toBe(expected);
  });

  it('sends a request with a TargetVariant to that variant', async () => {
    // Prepare
    const deployment = deploymentOf(aVariant('Blue', aModel('v1'), 1), aVariant('Green', aModel('v2'), 0));

    // Act
    const response = await invokeEndpoint(deployment, anInvocation({ targetVariant: 'Green' }), RUNTIMES, () => 0);

    // Assess
    expect(response.headers['X-Amzn-SageMaker-Custom-Attributes']).toBe('model_version=v2');
  });

  it.each([
    [
      'nothing deployed',
      undefined,
      anInvocation(),
      { type: 'ValidationError', statusCode: 400, message: 'Endpoint bid-win of account 000000000000 not found.' },
    ],
    [
      'an unknown TargetVariant',
      deploymentOf(aVariant('Blue', aModel('v1'))),
      anInvocation({ targetVariant: 'Red' }),
      { type: 'ValidationError', statusCode: 400, message: 'Endpoint bid-win has no production variant named Red.' },
    ],
    [
      'no runtime for the image',
      deploymentOf({ ...aVariant('Blue', aModel('v1')), image: 'other-model:1' }),
      anInvocation(),
      {
        type: 'InternalFailure',
        statusCode: 500,
        message: 'The local SageMaker has no model runtime for the image other-model:1 of endpoint bid-win.',
      },
    ],
  ])('refuses an invocation with %s', async (_, deployment, invocation, expected) => {
    // Act / Assess
    await expect(invokeEndpoint(deployment, invocation, RUNTIMES)).rejects.toThrow(expect.objectContaining(expected));
  });

  it("turns the model's 400 into a ModelError with its status and message", async () => {
    // Act
    const act = invokeEndpoint(
      deploymentOf(aVariant('AllTraffic', aModel('v1'))),
      anInvocation({ body: '1,0' }),
      RUNTIMES,
    );

    // Assess
    await expect(act).rejects.toThrow(
      expect.objectContaining({
        type: 'ModelError',
        statusCode: 424,
        message: 'Received client error (400) from primary with message "Row 1 must hold 3 numbers.".',
        fields: {
          ErrorCode: 'CLIENT_ERROR_FROM_MODEL',
          OriginalStatusCode: 400,
          OriginalMessage: 'Row 1 must hold 3 numbers.',
          LogStreamArn: 'arn:aws:logs:us-east-1:000000000000:log-group:/aws/sagemaker/Endpoints/bid-win',
        },
      }),
    );
  });
});
