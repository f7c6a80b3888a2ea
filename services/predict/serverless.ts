import { allow, apiFunction, defineService, param, regionalArn } from '../../config/src/index.js';

export default defineService({
  service: 'sdp-predict',
  functions: [
    apiFunction({
      name: 'predictWin',
      description: "POST /predictions; the live model's probability that a bid wins at its price",
      routes: ['POST /predictions'],
      statements: [
        // The live version and its feature spec, from the model registry.
        allow(['dynamodb:GetItem'], param('modelRegistryTableArn')),
        allow(['sagemaker:InvokeEndpoint'], regionalArn('sagemaker', `endpoint/${param('modelEndpointName')}`)),
      ],
      environment: {
        MODEL_ENDPOINT_NAME: param('modelEndpointName'),
        MODEL_REGISTRY_TABLE_NAME: param('modelRegistryTableName'),
      },
    }),
  ],
});
