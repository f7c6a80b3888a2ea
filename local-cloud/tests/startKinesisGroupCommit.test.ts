import {
  CreateStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListShardsCommand,
  PutRecordCommand,
  PutRecordsCommand,
  type KinesisClient,
} from '@aws-sdk/client-kinesis';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { localKinesisClient } from '../src/clients.js';
import { startKinesalite } from '../src/emulators/startKinesalite.js';
import { startKinesisGroupCommit, type KinesisGroupCommit } from '../src/emulators/kinesis/startKinesisGroupCommit.js';
import type { Emulator } from '../src/emulators/types.js';
import { freePort } from '../src/net/freePort.js';

const STREAM = 'raw-events';
const aRecord = (data: string) => ({ PartitionKey: data, Data: Buffer.from(data) });
const failureOf = (error: Error & { $metadata?: { httpStatusCode?: number } }) => ({
  name: error.name,
  status: error.$metadata?.httpStatusCode,
});

/** Every record of the stream, shard by shard: data by sequence number. */
async function storedRecords(client: KinesisClient): Promise<Map<string, string>> {
  const stored = new Map<string, string>();
  const { Shards = [] } = await client.send(new ListShardsCommand({ StreamName: STREAM }));
  for (const { ShardId } of Shards) {
    const { ShardIterator } = await client.send(
      new GetShardIteratorCommand({ StreamName: STREAM, ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    const { Records = [] } = await client.send(new GetRecordsCommand({ ShardIterator, Limit: 10_000 }));
    for (const record of Records) stored.set(record.SequenceNumber!, Buffer.from(record.Data!).toString('utf8'));
  }
  return stored;
}

describe('startKinesisGroupCommit', () => {
  let dataDir: string;
  let kinesalite: Emulator;
  let front: KinesisGroupCommit;
  let direct: KinesisClient;
  let client: KinesisClient;

  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-group-commit-'));
    kinesalite = await startKinesalite({ port: await freePort(), dataDir });
    front = await startKinesisGroupCommit(kinesalite.endpoint);
    direct = localKinesisClient(kinesalite.endpoint);
    client = localKinesisClient(front.endpoint);
    await client.send(new CreateStreamCommand({ StreamName: STREAM, ShardCount: 2 }));
  });

  afterEach(async () => {
    client.destroy();
    direct.destroy();
    await front.stop();
    await kinesalite.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers each of many concurrent writes with its own records, stored once, in fewer calls to the stream', async () => {
    // Prepare
    const singles = Array.from({ length: 120 }, (_, i) => `single-${i}`);
    const batches = Array.from({ length: 10 }, (_, b) => Array.from({ length: 7 }, (_, i) => `batch-${b}-${i}`));

    // Act
    const [singleAnswers, batchAnswers] = await Promise.all([
      Promise.all(singles.map((data) => client.send(new PutRecordCommand({ StreamName: STREAM, ...aRecord(data) })))),
      Promise.all(
        batches.map((batch) => client.send(new PutRecordsCommand({ StreamName: STREAM, Records: batch.map(aRecord) }))),
      ),
    ]);
    const stored = await storedRecords(direct);

    // Assess
    const answered = new Map<string, string>();
    singleAnswers.forEach((answer, i) => answered.set(answer.SequenceNumber!, singles[i]!));
    batchAnswers.forEach((answer, b) => {
      expect(answer.FailedRecordCount).toBe(0);
      answer.Records!.forEach((record, i) => answered.set(record.SequenceNumber!, batches[b]![i]!));
    });
    expect(answered.size).toBe(singles.length + batches.length * 7);
    expect(stored).toStrictEqual(answered);
    expect(front.stats.writes).toBe(singles.length + batches.length);
    expect(front.stats.groups).toBeLessThan(front.stats.writes);
  }, 20_000);

  it('gives a write to a missing stream and an invalid record their own errors, and stores the writes beside them', async () => {
    // Prepare: a partition key over Kinesis's 256 characters
    const tooLongKey = { PartitionKey: 'k'.repeat(257), Data: Buffer.from('invalid') };

    // Act
    const outcomes = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) =>
        client
          .send(new PutRecordCommand({ StreamName: STREAM, ...aRecord(`fine-${i}`) }))
          .then(() => 'stored', failureOf),
      ),
      client
        .send(new PutRecordCommand({ StreamName: 'no-such-stream', ...aRecord('lost') }))
        .then(() => 'stored', failureOf),
      client
        .send(new PutRecordsCommand({ StreamName: STREAM, Records: [aRecord('in-a-bad-batch'), tooLongKey] }))
        .then(() => 'stored', failureOf),
      client.send(new PutRecordCommand({ StreamName: STREAM, ...tooLongKey })).then(() => 'stored', failureOf),
    ]);
    const stored = [...(await storedRecords(direct)).values()].sort();

    // Assess
    expect(outcomes).toStrictEqual([
      ...Array.from({ length: 20 }, () => 'stored'),
      { name: 'ResourceNotFoundException', status: 400 },
      { name: 'ValidationException', status: 400 },
      { name: 'ValidationException', status: 400 },
    ]);
    expect(stored).toStrictEqual(Array.from({ length: 20 }, (_, i) => `fine-${i}`).sort());
  }, 20_000);

  it('passes every other call through unchanged', async () => {
    // Act
    const viaFront = await client.send(new ListShardsCommand({ StreamName: STREAM }));
    const straight = await direct.send(new ListShardsCommand({ StreamName: STREAM }));

    // Assess
    expect(viaFront.Shards).toStrictEqual(straight.Shards);
  }, 20_000);
});
