import { DEFAULT_FEATURE_SPEC, packModelArtifact, predictRows, type LinearModel } from '@sdp/shared-model';
import { linearModelRuntime } from '../src/linearModelRuntime.js';

const MODEL: LinearModel = {
  format: 'sdp-logistic-v1',
  version: 'v7',
  featureSpec: { ...DEFAULT_FEATURE_SPEC, hashBuckets: 2 },
  weights: [0.5, -1, 2],
  bias: 0.1,
  threshold: 0.5,
};
const CONTAINER = { image: 'sdp-bid-win-model:latest', environment: {}, modelDataUrl: 's3://models/v7/model.tar.gz' };

describe('linearModelRuntime', () => {
  it('serves a model.tar.gz as the model container does: predictions, and its version in the custom attributes', async () => {
    // Prepare
    const model = await linearModelRuntime.load(await packModelArtifact(MODEL), CONTAINER);

    // Act
    const answer = await linearModelRuntime.invoke(model, { contentType: 'text/csv', body: '1,0,2\n0,1,0' });

    // Assess
    expect({ answer, described: linearModelRuntime.describe!(model) }).toStrictEqual({
      answer: {
        statusCode: 200,
        headers: { 'Content-Type': 'application/json', 'X-Amzn-SageMaker-Custom-Attributes': 'model_version=v7' },
        body: JSON.stringify(
          predictRows(MODEL, [
            [1, 0, 2],
            [0, 1, 0],
          ]),
        ),
      },
      described: 'v7',
    });
  });

  it('answers a body it cannot read with 400 and the reason, which SageMaker passes on as a ModelError', async () => {
    // Prepare
    const model = await linearModelRuntime.load(await packModelArtifact(MODEL), CONTAINER);

    // Act
    const answer = await linearModelRuntime.invoke(model, { contentType: 'text/csv', body: '1,2' });

    // Assess
    expect(answer).toStrictEqual({
      statusCode: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: "Row 1 must hold 3 finite numbers (the model's feature width).",
    });
  });

  it('refuses to load what is not a model.tar.gz, failing the deployment with the reason', async () => {
    // Act
    const load = async () => linearModelRuntime.load(Buffer.from('not an archive'), CONTAINER);

    // Assess
    await expect(load()).rejects.toThrow(
      /^model\.tar\.gz is not a servable model: it is not a gzip-compressed tar archive/,
    );
  });
});
