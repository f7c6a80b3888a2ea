import {
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListShardsCommand,
  type KinesisClient,
} from '@aws-sdk/client-kinesis';

export interface StreamRecordRead {
  shardId: string;
  sequenceNumber: string;
  partitionKey: string;
  data: unknown;
}

/** Every record of a stream, from the trim horizon of every shard to its end now, with its data parsed as JSON. */
export async function readWholeStream(kinesis: KinesisClient, streamName: string): Promise<StreamRecordRead[]> {
  const { Shards = [] } = await kinesis.send(new ListShardsCommand({ StreamName: streamName }));
  const records: StreamRecordRead[] = [];
  for (const { ShardId } of Shards) {
    let { ShardIterator: iterator } = await kinesis.send(
      new GetShardIteratorCommand({ StreamName: streamName, ShardId, ShardIteratorType: 'TRIM_HORIZON' }),
    );
    while (iterator) {
      const page = await kinesis.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 10_000 }));
      for (const record of page.Records ?? []) {
        records.push({
          shardId: ShardId!,
          sequenceNumber: record.SequenceNumber!,
          partitionKey: record.PartitionKey!,
          data: JSON.parse(Buffer.from(record.Data!).toString('utf8')),
        });
      }
      // Only an empty page ends a shard: kinesalite answers MillisBehindLatest 0 while a full page
      // (10,000 records) leaves more behind it.
      if ((page.Records ?? []).length === 0) break;
      iterator = page.NextShardIterator;
    }
  }
  return records;
}
