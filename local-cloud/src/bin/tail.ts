/**
 * `tsx local-cloud/src/bin/tail.ts [stream] [--from-start] [--default-stream <stream>] [--data-dir <dir>]`
 * (this repository's `npm run tail`), in the project's root: prints the records of a local Kinesis
 * stream as they arrive, one JSON line each with shard, sequence number and partition key. `stream`
 * may be a full name or a suffix; without one, `--default-stream`. Finds kinesalite in the
 * `endpoints.json` a running local cloud wrote to its data directory (default `.data/local`).
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
  options: {
    'from-start': { type: 'boolean', default: false },
    'default-stream': { type: 'string' },
    'data-dir': { type: 'string', default: path.join('.data', 'local') },
  },
});
const dataDir = path.resolve(values['data-dir']);
const endpoints = await readFile(path.join(dataDir, 'endpoints.json'), 'utf8').then(
  (text) => JSON.parse(text) as { kinesis: string },
  () => {
    console.error(`No local cloud found under ${dataDir}; start one first.`);
    process.exit(1);
  },
);
const kinesis = localKinesisClient(endpoints.kinesis);
const { StreamNames = [] } = await kinesis.send(new ListStreamsCommand({}));
const wanted = positionals[0] ?? values['default-stream'];
if (!wanted) {
  console.error(`Name a stream to tail: ${StreamNames.join(', ')}`);
  process.exit(1);
}
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
