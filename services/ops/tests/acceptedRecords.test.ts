import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { countAcceptedRecords } from '../src/adapters/acceptedRecords.js';

const FROM = new Date('2026-11-22T10:00:00.000Z');
const TO = new Date('2026-11-22T10:02:00.000Z');
const recordAt = (receivedAt: string) => ({
  Data: Buffer.from(JSON.stringify({ received_at: receivedAt })),
  ApproximateArrivalTimestamp: new Date(receivedAt),
});

/** A stream of two shards whose pages come one GetRecords call at a time; the clock moves only when the reader sleeps. */
function fakeStream(pagesPerShard: number) {
  const clock = { now: Date.parse('2026-11-22T11:00:00.000Z') };
  const reads: { shard: string; at: number }[] = [];
  const client = {
    send: async (command: { constructor: { name: string }; input: { ShardId?: string; ShardIterator?: string } }) => {
      const name = command.constructor.name;
      if (name === 'ListShardsCommand') return { Shards: [{ ShardId: 'shard-0' }, { ShardId: 'shard-1' }] };
      if (name === 'GetShardIteratorCommand') return { ShardIterator: `${command.input.ShardId}#0` };
      const [shard, page] = command.input.ShardIterator!.split('#') as [string, string];
      reads.push({ shard, at: clock.now });
      const n = Number(page);
      const last = n + 1 >= pagesPerShard;
      return {
        Records: last ? [] : [recordAt('2026-11-22T10:00:30.000Z')],
        MillisBehindLatest: last ? 0 : 1_000,
        NextShardIterator: `${shard}#${n + 1}`,
      };
    },
  } as unknown as KinesisClient;
  const sleep = async (ms: number) => void (clock.now += ms);
  return { client, reads, sleep, clock };
}

describe('countAcceptedRecords', () => {
  it('reads each shard at most once a second, shards side by side, and counts per ingest minute', async () => {
    // Prepare
    const { client, reads, sleep, clock } = fakeStream(3);
    const now = jest.spyOn(Date, 'now').mockImplementation(() => clock.now);

    // Act
    const counts = await countAcceptedRecords(
      client,
      'raw',
      { minIntervalMs: 1_000, budgetMs: 20_000 },
      sleep,
    )(FROM, TO);
    now.mockRestore();

    // Assess
    expect(Object.fromEntries(counts)).toStrictEqual({ '2026-11-22T10:00': 4 });
    const gaps = ['shard-0', 'shard-1'].flatMap((shard) => {
      const times = reads.filter((read) => read.shard === shard).map((read) => read.at);
      return times.slice(1).map((at, i) => at - times[i]!);
    });
    expect(reads).toHaveLength(6);
    expect(gaps.every((gap) => gap >= 1_000)).toBe(true);
  });

  it('refuses a range it cannot read within its budget, naming what to do', async () => {
    // Prepare: 40 pages a shard at one a second do not fit in 20 s
    const { client, sleep, clock } = fakeStream(40);
    const now = jest.spyOn(Date, 'now').mockImplementation(() => clock.now);

    // Act
    const error = await countAcceptedRecords(
      client,
      'raw',
      { minIntervalMs: 1_000, budgetMs: 20_000 },
      sleep,
    )(FROM, TO).catch((caught: unknown) => caught);
    now.mockRestore();

    // Assess
    expect(error).toMatchObject({
      statusCode: 400,
      code: 'invalid_request',
      message: expect.stringContaining('ask for a shorter range'),
    });
  });
});
