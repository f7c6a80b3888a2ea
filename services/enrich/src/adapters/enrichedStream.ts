import type { KinesisClient } from '@aws-sdk/client-kinesis';
import { putRecordsReliably, type PutOutcome } from '@sdp/shared-streams';
import type { EnrichedEvent } from '../domain/types.js';

/** The enriched events stream, partitioned by campaign so one campaign's windows meet on one shard. */
export interface EnrichedStream {
  write(events: readonly EnrichedEvent[]): Promise<PutOutcome[]>;
}

export function kinesisEnrichedStream(client: KinesisClient, streamName: string): EnrichedStream {
  return {
    write: (events) =>
      putRecordsReliably(
        client,
        streamName,
        events.map((event) => ({
          partitionKey: String(event.campaign_item_id),
          data: Buffer.from(JSON.stringify(event), 'utf8'),
        })),
      ),
  };
}
