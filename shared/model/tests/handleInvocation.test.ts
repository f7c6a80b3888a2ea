import { handleInvocation } from '../src/handleInvocation.js';
import { predictRows } from '../src/linearModel.js';

import { smallModel } from './support/smallModel.js';

const MODEL = smallModel();

describe('handleInvocation', () => {
  it('answers CSV rows with linear-learner predictions and the model version', () => {
    // Act
    const response = handleInvocation(MODEL, { contentType: 'text/csv', body: '1,0,2\n0,1,0\n' });

    // Assess
    expect(response).toStrictEqual({
      statusCode: 200,
      headers: { 'Content-Type': 'application/json', 'X-Amzn-SageMaker-Custom-Attributes': 'model_version=v7' },
      body: JSON.stringify(
        predictRows(MODEL, [
          [1, 0, 2],
          [0, 1, 0],
        ]),
      ),
    });
  });

  it('answers JSON instances the same way', () => {
    // Act
    const response = handleInvocation(MODEL, {
      contentType: 'application/json',
      body: '{"instances":[{"features":[1,0,2]}]}',
    });

    // Assess
    expect(JSON.parse(response.body)).toStrictEqual(predictRows(MODEL, [[1, 0, 2]]));
  });

  it.each([
    ['a row of the wrong width', 'text/csv', '1,0', "Row 1 must hold 3 finite numbers (the model's feature width)."],
    [
      'an unsupported content type',
      'application/x-recordio-protobuf',
      '...',
      "Content type 'application/x-recordio-protobuf' is not supported; send text/csv or application/json.",
    ],
    [
      'JSON that does not parse',
      'application/json',
      '{',
      'The body is not valid JSON; send {"instances":[{"features":[…]}]}.',
    ],
  ])('answers 400 with the reason for %s', (_, contentType, body, message) => {
    // Act
    const response = handleInvocation(MODEL, { contentType, body });

    // Assess
    expect(response).toStrictEqual({
      statusCode: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: message,
    });
  });
});
