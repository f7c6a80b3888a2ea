import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListShardsCommand,
  type KinesisClient,
} from '@aws-sdk/client-kinesis';
import { ingestMinuteOf } from '@sdp/shared-streams';
import { ReconciliationTooLargeError } from '../domain/errors.js';
import { minutesStartingIn } from '../domain/reconcile.js';

/** Records arrive in the stream within this margin of their `received_at`. */
const ARRIVAL_MARGIN_MS = 5 * 60_000;

export interface ReadPace {
  /**
   * Least time between two reads of one shard. A shard serves 5 `GetRecords` a second to all its
   * readers together; one a second leaves four fifths to the consumers.
   */
  minIntervalMs: number;
  /** Reading stops, and the request is refused as too large, after this long (the HTTP API waits 30 s) */
  budgetMs: number;
}

export const DEFAULT_READ_PACE: ReadPace = { minIntervalMs: 1_000, budgetMs: 20_000 };

/**
 * The records a stream holds per minute of ingest time (`received_at`) in [from, to): every shard
 * read, in parallel and at most once per `minIntervalMs` each, from its records that arrived a
 * little before `from` until it has nothing newer or reaches records that arrived well after `to`.
 * A range that takes longer than the budget to read is refused ({@link ReconciliationTooLargeError}).
 */
export function countAcceptedRecords(
  client: KinesisClient,
  streamName: string,
  pace: ReadPace = DEFAULT_READ_PACE,
  sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
): (from: Date, to: Date) => Promise<Map<string, number>> {
  return async (from, to) => {
    const inRange = minutesStartingIn(from, to);
    const counts = new Map<string, number>();
    const deadline = Date.now() + pace.budgetMs;
    const { Shards = [] } = await client.send(new ListShardsCommand({ StreamName: streamName }));
    const readShard = async (shardId: string | undefined): Promise<void> => {
      let { ShardIterator: iterator } = await client.send(
        new GetShardIteratorCommand({
          StreamName: streamName,
          ShardId: shardId,
          ShardIteratorType: 'AT_TIMESTAMP',
          Timestamp: new Date(from.getTime() - ARRIVAL_MARGIN_MS),
        }),
      );
      let readAt = 0;
      while (iterator) {
        await sleep(Math.max(0, readAt + pace.minIntervalMs - Date.now()));
        if (Date.now() > deadline) throw new ReconciliationTooLargeError(from, to, pace.budgetMs);
        readAt = Date.now();
        const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
        const records = page.Records ?? [];
        for (const record of records) {
          const window = ingestMinuteOf(Buffer.from(record.Data!).toString('utf8'));
          if (inRange(window)) counts.set(window, (counts.get(window) ?? 0) + 1);
        }
        const last = records.at(-1)?.ApproximateArrivalTimestamp;
        if (
          (records.length === 0 && page.MillisBehindLatest === 0) ||
          (last && last.getTime() > to.getTime() + ARRIVAL_MARGIN_MS)
        )
          break;
        iterator = page.NextShardIterator;
      }
    };
    await Promise.all(Shards.map(({ ShardId }) => readShard(ShardId)));
    return counts;
  };
}
