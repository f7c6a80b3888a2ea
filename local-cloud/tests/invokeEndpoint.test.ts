import { DEFAULT_FEATURE_SPEC, predictRows, type LinearModel } from '@sdp/shared';
import { invokeEndpoint, type EndpointInvocation } from '../src/emulators/sageMaker/invokeEndpoint.js';
import type { DeployedVariant, Deployment } from '../src/emulators/sageMaker/types.js';

const aModel = (version: string, bias: number): LinearModel => ({
  format: 'sdp-logistic-v1',
  version,
  featureSpec: { ...DEFAULT_FEATURE_SPEC, hashBuckets: 2 },
  weights: [1, -1, 0.5],
  bias,
  threshold: 0.5,
});

const aVariant = (VariantName: string, model: LinearModel, InitialVariantWeight?: number): DeployedVariant => ({
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
  it('answers with the variant, its predictions and its model version', () => {
    // Prepare
    const model = aModel('v1', 0.1);

    // Act
    const response = invokeEndpoint(deploymentOf(aVariant('AllTraffic', model)), anInvocation());

    // Assess
    expect(response).toStrictEqual({
      statusCode: 200,
      headers: {
        'Content-Type': 'application/json',
        'X-Amzn-SageMaker-Custom-Attributes': 'model_version=v1',
        'x-Amzn-Invoked-Production-Variant': 'AllTraffic',
      },
      body: JSON.stringify(predictRows(model, [[1, 0, 2]])),
    });
  });

  it.each([
    [0, 'Blue'],
    [0.74, 'Blue'],
    [0.76, 'Green'],
    [0.99, 'Green'],
  ])('routes by weight: a draw of %d goes to %s (weights 3:1)', (draw, expected) => {
    // Prepare
    const deployment = deploymentOf(aVariant('Blue', aModel('v1', 0), 3), aVariant('Green', aModel('v2', 0), 1));

    // Act
    const response = invokeEndpoint(deployment, anInvocation(), () => draw);

    // Assess
    expect(response.headers['x-Amzn-Invoked-Production-Variant']).toBe(expected);
  });

  it('sends a request with a TargetVariant to that variant', () => {
    // Prepare
    const deployment = deploymentOf(aVariant('Blue', aModel('v1', 0), 1), aVariant('Green', aModel('v2', 0), 0));

    // Act
    const response = invokeEndpoint(deployment, anInvocation({ targetVariant: 'Green' }), () => 0);

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
      deploymentOf(aVariant('Blue', aModel('v1', 0))),
      anInvocation({ targetVariant: 'Red' }),
      { type: 'ValidationError', statusCode: 400, message: 'Endpoint bid-win has no production variant named Red.' },
    ],
  ])('refuses an invocation with %s', (_, deployment, invocation, expected) => {
    // Act / Assess
    expect(() => invokeEndpoint(deployment, invocation)).toThrow(expect.objectContaining(expected));
  });

  it("turns the container's 400 into a ModelError with its status and message", () => {
    // Act
    const act = () =>
      invokeEndpoint(deploymentOf(aVariant('AllTraffic', aModel('v1', 0))), anInvocation({ body: '1,0' }));

    // Assess
    expect(act).toThrow(
      expect.objectContaining({
        type: 'ModelError',
        statusCode: 424,
        message:
          'Received client error (400) from primary with message "Row 1 must hold 3 finite numbers (the model\'s feature width).".',
        fields: {
          ErrorCode: 'CLIENT_ERROR_FROM_MODEL',
          OriginalStatusCode: 400,
          OriginalMessage: "Row 1 must hold 3 finite numbers (the model's feature width).",
          LogStreamArn: 'arn:aws:logs:us-east-1:000000000000:log-group:/aws/sagemaker/Endpoints/bid-win',
        },
      }),
    );
  });
});
