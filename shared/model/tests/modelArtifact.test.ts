import { gzipSync } from 'node:zlib';
import { Header, Pack, ReadEntry } from 'tar';
import { DEFAULT_FEATURE_SPEC } from '../src/featureSpec.js';
import type { LinearModel } from '../src/linearModel.js';
import { packModelArtifact, unpackModelArtifact } from '../src/modelArtifact.js';

const aModel = (overrides: Partial<LinearModel> = {}): LinearModel => ({
  format: 'sdp-logistic-v1',
  version: '2026-11-22T04-00-00Z',
  featureSpec: { ...DEFAULT_FEATURE_SPEC, hashBuckets: 4 },
  weights: [0.5, -1.25, 0, 2, 0.125],
  bias: -0.75,
  threshold: 0.4,
  ...overrides,
});

/** A gzip-compressed tar of the given files, written the way `tar czf x.tar.gz -C dir .` would name them. */
async function tarOf(files: Record<string, string>): Promise<Buffer> {
  const pack = new Pack({ gzip: true, portable: true });
  for (const [name, text] of Object.entries(files)) {
    const body = Buffer.from(text);
    const entry = new ReadEntry(
      new Header({ path: name, type: 'File', mode: 0o644, size: body.length, mtime: new Date(0) }),
    );
    entry.end(body);
    pack.add(entry);
  }
  pack.end();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('the model artifact', () => {
  it('packs a model into a model.tar.gz that unpacks to the same model', async () => {
    // Prepare
    const model = aModel();

    // Act
    const artifact = await packModelArtifact(model);
    const unpacked = await unpackModelArtifact(artifact);

    // Assess
    expect([artifact[0], artifact[1]]).toStrictEqual([0x1f, 0x8b]);
    expect(unpacked).toStrictEqual(model);
  });

  it('packs one model to the same bytes every time', async () => {
    // Act
    const [first, second] = await Promise.all([packModelArtifact(aModel()), packModelArtifact(aModel())]);

    // Assess
    expect(first.equals(second)).toBe(true);
  });

  it('packs a full-width model (1,025 weights)', async () => {
    // Prepare
    const model = aModel({
      featureSpec: DEFAULT_FEATURE_SPEC,
      weights: Array.from({ length: 1025 }, (_, i) => Math.sin(i) / 10),
    });

    // Act
    const unpacked = await unpackModelArtifact(await packModelArtifact(model));

    // Assess
    expect(unpacked).toStrictEqual(model);
  });

  it('reads model.json packed under ./ next to other files', async () => {
    // Prepare
    const artifact = await tarOf({ './README.txt': 'hello', './model.json': JSON.stringify(aModel()) });

    // Act
    const unpacked = await unpackModelArtifact(artifact);

    // Assess
    expect(unpacked).toStrictEqual(aModel());
  });

  it('refuses to pack a model it could not serve', async () => {
    // Act / Assess
    await expect(packModelArtifact(aModel({ weights: [1, 2] }))).rejects.toThrow(
      'model.json is not a servable model: weights must be 5 finite numbers (hashBuckets + 1).',
    );
  });

  it.each([
    [
      'bytes that are not gzip',
      async () => Buffer.from('definitely not an archive, just text that is long enough '.repeat(20)),
      'model.tar.gz is not a servable model: it is not a gzip-compressed tar archive',
    ],
    [
      'gzip of something that is not tar',
      async () => gzipSync(Buffer.alloc(1024, 7)),
      'model.tar.gz is not a servable model: it is not a gzip-compressed tar archive',
    ],
    [
      'a truncated archive',
      async () => (await packModelArtifact(aModel())).subarray(0, 40),
      'model.tar.gz is not a servable model: it is not a gzip-compressed tar archive',
    ],
    [
      'an archive without model.json',
      async () => tarOf({ 'weights.csv': '1,2' }),
      'model.tar.gz is not a servable model: it holds "weights.csv" but no model.json at its root.',
    ],
    [
      'model.json that is not JSON',
      async () => tarOf({ 'model.json': '{"format":' }),
      'model.tar.gz/model.json is not a servable model: it is not JSON',
    ],
    [
      'a model of another format',
      async () => tarOf({ 'model.json': JSON.stringify({ ...aModel(), format: 'mxnet' }) }),
      'format is "mxnet", expected "sdp-logistic-v1"',
    ],
  ])('rejects %s with a message that says what is wrong', async (_, artifact, message) => {
    // Act / Assess
    await expect(unpackModelArtifact(await artifact())).rejects.toMatchObject({
      name: 'InvalidModelArtifactError',
      message: expect.stringContaining(message),
    });
  });
});
