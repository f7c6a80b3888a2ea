import { modelRuntimeFor } from '../src/emulators/sageMaker/modelRuntimeFor.js';
import type { ModelRuntime } from '../src/emulators/sageMaker/types.js';

const runtime = (name: string): ModelRuntime => ({
  load: () => name,
  invoke: () => ({ statusCode: 200, headers: {}, body: name }),
});
const RANKER = runtime('ranker');
const RANKER_7 = runtime('ranker:7');
const ANY = runtime('any');

describe('modelRuntimeFor', () => {
  it.each([
    ['the image as named', 'ranker:7', { 'ranker:7': RANKER_7, ranker: RANKER }, RANKER_7],
    [
      'its repository, without registry and tag',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/ranker:8',
      { ranker: RANKER },
      RANKER,
    ],
    [
      'its repository, without a digest',
      'registry.example.com:5000/team/ranker@sha256:abc',
      { ranker: RANKER },
      RANKER,
    ],
    ["'*' for any other image", 'scorer:1', { ranker: RANKER, '*': ANY }, ANY],
    ["'*' for a model without an image", undefined, { ranker: RANKER, '*': ANY }, ANY],
    ['none when nothing serves it', 'scorer:1', { ranker: RANKER }, undefined],
    ['none for an image named like an Object property', 'constructor', {}, undefined],
  ])('finds %s', (_, image, runtimes, expected) => {
    // Act / Assess
    expect(modelRuntimeFor(runtimes, image)).toBe(expected);
  });
});
