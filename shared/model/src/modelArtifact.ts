import { Header, Pack, Parser, ReadEntry } from 'tar';
import { MODEL_FILE_NAME } from './constants.js';
import { InvalidModelArtifactError } from './errors.js';
import type { LinearModel } from './linearModel.js';
import { parseLinearModel } from './parseLinearModel.js';

const ARTIFACT = 'model.tar.gz';
const MAX_MODEL_FILE_BYTES = 64 * 1024 * 1024;

/*
 * The archive is made and read in memory with `tar` (npm's own tar, no install scripts): its Header,
 * Pack and Parser take care of ustar/pax headers, checksums, padding and gzip, so no temporary
 * directory is needed. The entry has a fixed mtime and no owner, so one model always packs to the
 * same bytes.
 */

/**
 * The `model.tar.gz` of a model: one `model.json` at the archive's root, as a SageMaker endpoint's
 * `ModelDataUrl` expects.
 *
 * @example
 * await s3.send(new PutObjectCommand({ Bucket, Key: `models/${model.version}/model.tar.gz`, Body: await packModelArtifact(model) }));
 */
export async function packModelArtifact(model: LinearModel): Promise<Buffer> {
  const body = Buffer.from(JSON.stringify(parseLinearModel(model, MODEL_FILE_NAME)));
  const entry = new ReadEntry(
    new Header({
      path: MODEL_FILE_NAME,
      type: 'File',
      mode: 0o644,
      size: body.length,
      mtime: new Date(0),
      uid: 0,
      gid: 0,
    }),
  );
  entry.end(body);
  const pack = new Pack({ gzip: true, portable: true });
  pack.add(entry);
  pack.end();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * The model inside a `model.tar.gz`, checked with `parseLinearModel`. Throws
 * `InvalidModelArtifactError` when the bytes are not a gzip-compressed tar, hold no `model.json`, or
 * the model in it cannot be served.
 *
 * @example
 * const model = await unpackModelArtifact(await readFile('model.tar.gz'));
 */
export async function unpackModelArtifact(artifact: Uint8Array): Promise<LinearModel> {
  const { names, body } = await findModelFile(artifact);
  if (body === undefined) {
    const listed = names.map((name) => JSON.stringify(name)).join(', ') || 'no files';
    throw new InvalidModelArtifactError(ARTIFACT, `it holds ${listed} but no ${MODEL_FILE_NAME} at its root`);
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new InvalidModelArtifactError(
      `${ARTIFACT}/${MODEL_FILE_NAME}`,
      `it is not JSON (${(error as Error).message})`,
      { cause: error },
    );
  }
  return parseLinearModel(value, `${ARTIFACT}/${MODEL_FILE_NAME}`);
}

/** The names of a (gzip-compressed) tar's regular files, without a leading `./`, and the bytes of model.json if there is one. */
function findModelFile(artifact: Uint8Array): Promise<{ names: string[]; body?: Buffer }> {
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    let body: Buffer | undefined;
    const fail = (problem: string, cause?: unknown) =>
      reject(new InvalidModelArtifactError(ARTIFACT, problem, { cause }));
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry) => {
        const name = entry.path.replace(/^(\.\/)+/, '');
        if (entry.type === 'File') names.push(name);
        if (entry.type !== 'File' || name !== MODEL_FILE_NAME) return entry.resume();
        if (entry.size > MAX_MODEL_FILE_BYTES) {
          fail(`${MODEL_FILE_NAME} is ${entry.size} bytes, more than the ${MAX_MODEL_FILE_BYTES} this reader takes`);
          return entry.resume();
        }
        const chunks: Buffer[] = [];
        entry.on('data', (chunk: Buffer) => chunks.push(chunk));
        entry.on('end', () => (body = Buffer.concat(chunks)));
      },
    });
    parser.on('error', (error: Error) => fail(`it is not a gzip-compressed tar archive (${error.message})`, error));
    parser.on('end', () => resolve(body === undefined ? { names } : { names, body }));
    parser.end(Buffer.from(artifact.buffer, artifact.byteOffset, artifact.byteLength));
  });
}
