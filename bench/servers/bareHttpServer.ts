import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The baseline for `POST /bid`: a bare Node HTTP server on loopback that reads the whole body and
 * answers 202 with a small JSON body about the size of ingest's answer. Run by bench/ingest.ts in
 * its own process; prints nothing, talks over IPC.
 */
const ANSWER = JSON.stringify({
  event_id: '00000000-0000-4000-8000-000000000000',
  received_at: '2026-01-01T00:00:00.000Z',
  shard_id: 'shardId-000000000000',
  sequence_number: '49680448902114076752059644319746375614656176445496229890',
});

const server = http.createServer((request, response) => {
  let bytes = 0;
  request.on('data', (chunk: Buffer) => (bytes += chunk.length));
  request.on('end', () => {
    response.writeHead(bytes > 0 ? 202 : 400, { 'content-type': 'application/json' });
    response.end(ANSWER);
  });
});
server.keepAliveTimeout = 65_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send!({ ready: { url: `http://127.0.0.1:${port}` } });
});

let stopping = false;
const shutdown = (): void => {
  if (stopping) return;
  stopping = true;
  server.closeAllConnections();
  server.close(() => process.connected && process.disconnect());
};
process.on('message', (message: { stop?: boolean }) => message.stop && shutdown());
// The benchmark died: do not outlive it.
process.on('disconnect', shutdown);
