/**
 * `npm run tail -- [stream] [--from-start]`: prints the records of a local Kinesis stream as they
 * arrive, one JSON line each with shard, sequence number and partition key. `stream` may be a full
 * name or a suffix (`raw-events`, the default). Reads the endpoint a running `npm start` wrote.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListShardsCommand,
  ListStreamsCommand,
} from '@aws-sdk/client-kinesis';
import { localKinesisClient } from '../clients.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'from-start': { type: 'boolean', default: false }, 'data-dir': { type: 'string' } },
});
const root = path.resolve(import.meta.dirname, '../../..');
const dataDir = path.resolve(values['data-dir'] ?? path.join(root, '.data', 'local'));
const endpoints = await readFile(path.join(dataDir, 'endpoints.json'), 'utf8').then(
  (text) => JSON.parse(text) as { kinesis: string },
  () => {
    console.error(`No local cloud found under ${dataDir}; start one with \`npm start\`.`);
    process.exit(1);
  },
);
const kinesis = localKinesisClient(endpoints.kinesis);
const wanted = positionals[0] ?? 'raw-events';
const { StreamNames = [] } = await kinesis.send(new ListStreamsCommand({}));
const streamName = StreamNames.find((name) => name === wanted) ?? StreamNames.find((name) => name.endsWith(wanted));
if (!streamName) {
  console.error(`No stream matches '${wanted}'. Streams: ${StreamNames.join(', ')}`);
  process.exit(1);
}
console.error(`Tailing ${streamName} (Ctrl-C to stop)`);

const { Shards = [] } = await kinesis.send(new ListShardsCommand({ StreamName: streamName }));
let stopped = false;
process.on('SIGINT', () => (stopped = true));
await Promise.all(
  Shards.map(async ({ ShardId }) => {
    let { ShardIterator: iterator } = await kinesis.send(
      new GetShardIteratorCommand({
        StreamName: streamName,
        ShardId,
        ShardIteratorType: values['from-start'] ? 'TRIM_HORIZON' : 'LATEST',
      }),
    );
    while (iterator && !stopped) {
      const page = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator }));
      for (const record of page.Records ?? []) {
        const data = Buffer.from(record.Data!).toString('utf8');
        console.log(
          JSON.stringify({
            shard: ShardId,
            sequence: record.SequenceNumber,
            key: record.PartitionKey,
            data: JSON.parse(data),
          }),
        );
      }
      iterator = page.NextShardIterator;
      if ((page.Records ?? []).length === 0) await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }),
);
kinesis.destroy();
