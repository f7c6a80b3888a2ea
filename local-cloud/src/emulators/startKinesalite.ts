import { mkdir } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import kinesalite from 'kinesalite';
import { EmulatorStartError } from '../errors.js';
import { installFastSequences } from './kinesaliteSequences.js';
import type { Emulator, EmulatorOptions } from './types.js';

/**
 * Starts kinesalite in this process on 127.0.0.1, keeping streams and records under `dataDir`.
 *
 * Stream operations complete at once (no CREATING state) so a local deploy does not wait. `onWrite`
 * hears of every stream that took records (PutRecord or PutRecords answered 200) or was resharded,
 * so stream readers need not poll to learn of them. Web pages are refused: kinesalite would allow
 * any origin (CORS `*`), so a request with an `Origin` header (browsers send one on every
 * cross-origin request and every POST; the AWS SDKs never do) is answered 403 without reaching it.
 *
 * @example
 * ```ts
 * const kinesis = await startKinesalite({ port: await freePort(), dataDir: '.data/kinesis' });
 * const client = localKinesisClient(kinesis.endpoint);
 * await kinesis.stop();
 * ```
 */
export const startKinesalite = async ({
  port,
  dataDir,
  onWrite,
}: EmulatorOptions & { onWrite?: (streamName: string | undefined) => void }): Promise<Emulator> => {
  await mkdir(dataDir, { recursive: true });
  installFastSequences();
  const server = kinesalite({
    path: dataDir,
    createStreamMs: 0,
    deleteStreamMs: 0,
    updateStreamMs: 0,
    shardLimit: 100,
  });
  refuseBrowsers(server);
  if (onWrite) announceWrites(server, onWrite);
  await listen(server, port);
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};

const listen = (server: Server, port: number): Promise<void> =>
  new Promise((resolve, reject) => {
    const onError = (error: Error): void =>
      reject(new EmulatorStartError('kinesalite', error.message, { cause: error }));
    server.once('error', onError);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });

/** Answers 403 to a web page's request (one with an `Origin` header) before kinesalite adds its CORS headers. */
const refuseBrowsers = (server: Server): void => {
  const [handle] = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (request.headers.origin === undefined) {
      handle!(request, response);
      return;
    }
    request.resume();
    response
      .writeHead(403, { 'content-type': 'text/plain; charset=utf-8' })
      .end("The local cloud's Kinesis does not answer web pages.\n");
  });
};

/** Calls after which a stream's readers should look: new records, or new shards. */
const WRITE_TARGETS = new Set(
  ['PutRecord', 'PutRecords', 'SplitShard', 'MergeShards', 'UpdateShardCount'].map(
    (action) => `Kinesis_20131202.${action}`,
  ),
);
const STREAM_NAME = Buffer.from('"StreamName"');

/** Wraps kinesalite's request listener to tell `onWrite` which stream took records (undefined: it could not tell). */
const announceWrites = (server: Server, onWrite: (streamName: string | undefined) => void): void => {
  const [handle] = server.listeners('request') as RequestListener[];
  server.removeAllListeners('request');
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (WRITE_TARGETS.has(String(request.headers['x-amz-target']))) {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.once('finish', () => {
        if (response.statusCode === 200) onWrite(streamNameIn(chunks));
      });
    }
    handle!(request, response);
  });
};

/** The `StreamName` of a JSON request body; the AWS SDK writes it after the records, so the search starts at the end. */
const streamNameIn = (chunks: readonly Buffer[]): string | undefined => {
  for (let i = chunks.length - 1; i >= 0; i--) {
    const at = chunks[i]!.lastIndexOf(STREAM_NAME);
    if (at !== -1) return /^"StreamName"\s*:\s*"([^"]+)"/.exec(chunks[i]!.subarray(at, at + 300).toString('utf8'))?.[1];
  }
  return undefined;
};
