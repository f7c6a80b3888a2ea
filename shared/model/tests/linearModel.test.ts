import { predictRows, scoreFeatures, sigmoid } from '../src/linearModel.js';
import { parseInvocationBody } from '../src/parseInvocationBody.js';

import { smallModel } from './support/smallModel.js';

const MODEL = smallModel('v1');

describe('the linear model', () => {
  it('scores sigmoid(w·x + b) without overflow at the extremes', () => {
    // Act / Assess
    expect(scoreFeatures(MODEL, [1, 0, 2])).toBeCloseTo(1 / (1 + Math.exp(-1.75)), 12);
    expect([sigmoid(-1000), sigmoid(1000), sigmoid(0)]).toStrictEqual([0, 1, 0.5]);
  });

  it('answers rows in the linear-learner shape, labelled by the threshold', () => {
    // Act
    const result = predictRows(MODEL, [
      [1, 0, 2],
      [0, 1, 0],
    ]);

    // Assess
    expect(result.predictions.map((p) => p.predicted_label)).toStrictEqual([1, 0]);
    expect(result.predictions[1]!.score).toBeCloseTo(sigmoid(-2.25), 12);
  });
});

describe('parseInvocationBody', () => {
  it('reads CSV rows and both JSON shapes', () => {
    // Act / Assess
    expect(parseInvocationBody('text/csv; charset=utf-8', '1,0,2\n0,1,0.5\n', 3)).toStrictEqual([
      [1, 0, 2],
      [0, 1, 0.5],
    ]);
    expect(parseInvocationBody('application/json', '{"instances":[{"features":[1,2,3]}]}', 3)).toStrictEqual([
      [1, 2, 3],
    ]);
    expect(parseInvocationBody('application/json', '{"features":[1,2,3]}', 3)).toStrictEqual([[1, 2, 3]]);
  });

  it.each([
    ['text/plain', '1,2,3', "Content type 'text/plain' is not supported"],
    ['text/csv', '1,2', 'Row 1 must hold 3 finite numbers'],
    ['text/csv', '1,x,3', 'Row 1 must hold 3 finite numbers'],
    ['text/csv', '1,,3', 'Row 1 must hold 3 finite numbers'],
    ['text/csv', '\n', 'The body holds no rows'],
    ['application/json', '{', 'The body is not valid JSON'],
    ['application/json', '{"rows":[]}', 'Send {"instances"'],
    ['application/json', '{"instances":[{"features":[1,2,"3"]}]}', 'Row 1 must hold 3 finite numbers'],
  ])('refuses %s %j', (contentType, body, message) => {
    // Act / Assess
    expect(() => parseInvocationBody(contentType, body, 3)).toThrow(
      expect.objectContaining({ name: 'InvalidInvocationError', message: expect.stringContaining(message) }),
    );
  });
});
