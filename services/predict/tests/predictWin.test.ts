import { DEFAULT_FEATURE_SPEC, buildFeatures } from '@sdp/shared-model';
import { predictWin, type PredictDeps } from '../src/domain/predictWin.js';

const REQUEST = {
  campaignItemId: '1463517',
  domain: 'www.google.com',
  creativeId: 'b72897cb',
  creativeCategory: 'sports',
  winPrice: 1.5,
};
const LIVE = { version: 'v7', featureSpec: DEFAULT_FEATURE_SPEC };

function deps(overrides: Partial<PredictDeps> = {}): PredictDeps & { sent: ArrayLike<number>[][] } {
  const sent: ArrayLike<number>[][] = [];
  return {
    sent,
    liveModel: async () => LIVE,
    invoke: async (rows) => {
      sent.push([...rows]);
      return { body: { predictions: [{ score: 0.73, predicted_label: 1 }] }, modelVersion: 'v7' };
    },
    log: () => undefined,
    ...overrides,
  };
}

describe('predictWin', () => {
  it('sends the features the live spec builds and answers in the seed shape with the model version', async () => {
    // Prepare
    const d = deps();

    // Act
    const answer = await predictWin(REQUEST, d);

    // Assess
    expect(answer).toStrictEqual({ predictions: [{ score: 0.73, predicted_label: 1 }], model_version: 'v7' });
    expect(d.sent).toStrictEqual([[buildFeatures(REQUEST, DEFAULT_FEATURE_SPEC)]]);
  });

  it.each([
    ['no model is live', { liveModel: async () => undefined }, 'No model is live yet'],
    [
      'the endpoint fails',
      { invoke: async () => Promise.reject(new Error('connect ECONNREFUSED')) },
      'The model endpoint did not answer.',
    ],
    [
      'the endpoint answers nonsense',
      { invoke: async () => ({ body: { predictions: [{ score: 7 }] } }) },
      'not a prediction',
    ],
  ])('answers 503 model_unavailable when %s, never a made-up score', async (_, overrides, message) => {
    // Act / Assess
    await expect(predictWin(REQUEST, deps(overrides as Partial<PredictDeps>))).rejects.toMatchObject({
      statusCode: 503,
      code: 'model_unavailable',
      headers: { 'Retry-After': '30' },
      message: expect.stringContaining(message),
    });
  });

  it('refuses an invalid request with every violation, without calling the endpoint', async () => {
    // Prepare
    const d = deps();

    // Act / Assess
    await expect(predictWin({ ...REQUEST, winPrice: -1, domain: 7 }, d)).rejects.toMatchObject({
      statusCode: 400,
      code: 'validation_failed',
    });
    expect(d.sent).toStrictEqual([]);
  });
});
