import { GetRecordsCommand, GetShardIteratorCommand, ListShardsCommand, type KinesisClient } from '@aws-sdk/client-kinesis';
import { ingestMinuteOf } from '@sdp/shared';
import { minutesStartingIn } from '../domain/reconcile.js';

/** Records arrive in the stream within this margin of their `received_at`. */
const ARRIVAL_MARGIN_MS = 5 * 60_000;

/**
 * The records a stream holds per minute of ingest time (`received_at`) in [from, to): every shard
 * read from its records that arrived a little before `from` until it has nothing newer or reaches
 * records that arrived well after `to`.
 */
export function countAcceptedRecords(client: KinesisClient, streamName: string): (from: Date, to: Date) => Promise<Map<string, number>> {
  return async (from, to) => {
    const inRange = minutesStartingIn(from, to);
    const counts = new Map<string, number>();
    const { Shards = [] } = await client.send(new ListShardsCommand({ StreamName: streamName }));
    for (const { ShardId } of Shards) {
      let { ShardIterator: iterator } = await client.send(
        new GetShardIteratorCommand({ StreamName: streamName, ShardId, ShardIteratorType: 'AT_TIMESTAMP', Timestamp: new Date(from.getTime() - ARRIVAL_MARGIN_MS) }),
      );
      while (iterator) {
        const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
        const records = page.Records ?? [];
        for (const record of records) {
          const window = ingestMinuteOf(Buffer.from(record.Data!).toString('utf8'));
          if (inRange(window)) counts.set(window, (counts.get(window) ?? 0) + 1);
        }
        const last = records.at(-1)?.ApproximateArrivalTimestamp;
        if ((records.length === 0 && page.MillisBehindLatest === 0) || (last && last.getTime() > to.getTime() + ARRIVAL_MARGIN_MS)) break;
        iterator = page.NextShardIterator;
      }
    }
    return counts;
  };
}
