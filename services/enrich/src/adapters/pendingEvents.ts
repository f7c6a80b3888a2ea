import { paginateQuery, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { PendingEvents } from '../domain/listOrphans.js';
import type { EventTimeRange, PendingSample } from '../domain/types.js';
import { txIdOfKey } from '../domain/txIdOfKey.js';
import { mapWithConcurrency, utcDaysOf } from '@sdp/shared-runtime';

/** How many day partitions are queried at once; 31 days of two types is 62 queries. */
const DAY_QUERY_CONCURRENCY = 8;

interface PendingIndex {
  name: string;
  dayKey: string;
  atKey: string;
}

const PENDING_IMPRESSIONS: PendingIndex = {
  name: 'PendingImpressions',
  dayKey: 'pending_imp_day',
  atKey: 'pending_imp_at',
};
const PENDING_CLICKS: PendingIndex = { name: 'PendingClicks', dayKey: 'pending_click_day', atKey: 'pending_click_at' };

/**
 * Unjoined impressions and clicks from the join state table's sparse GSIs, partitioned by UTC day
 * of event time and sorted by `<event_time ISO>#<tx_id>`. Since the ISO times have one width, the
 * string range `BETWEEN from AND to` holds exactly the events at or after `from` and before `to`:
 * a key at `to` itself is `to#…`, which sorts after `to`.
 *
 * @example
 * const pending = dynamoDbPendingEvents(new DynamoDBClient({}), 'sdp-enrich-dev-join-state');
 * await pending.impressionsIn({ from, to }, 100); // { count: 12, tx_ids: ['tx-1', …] }
 */
export function dynamoDbPendingEvents(client: DynamoDBClient, tableName: string): PendingEvents {
  const sampleOfDay = async (
    index: PendingIndex,
    day: string,
    range: EventTimeRange,
    limit: number,
  ): Promise<PendingSample> => {
    const sample: PendingSample = { count: 0, tx_ids: [] };
    const pages = paginateQuery(
      { client },
      {
        TableName: tableName,
        IndexName: index.name,
        KeyConditionExpression: '#day = :day AND #at BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#day': index.dayKey, '#at': index.atKey },
        ExpressionAttributeValues: {
          ':day': { S: day },
          ':from': { S: range.from.toISOString() },
          ':to': { S: range.to.toISOString() },
        },
        ...(limit === 0 ? { Select: 'COUNT' } : { ProjectionExpression: 'tx_id, tenant' }),
      },
    );
    for await (const page of pages) {
      sample.count += page.Count ?? 0;
      for (const item of page.Items ?? [])
        if (sample.tx_ids.length < limit && item.tx_id?.S) sample.tx_ids.push(txIdOfKey(item.tx_id.S, item.tenant?.S));
    }
    return sample;
  };

  const sampleIn = async (index: PendingIndex, range: EventTimeRange, limit: number): Promise<PendingSample> => {
    const perDay = await mapWithConcurrency(utcDaysOf(range), DAY_QUERY_CONCURRENCY, (day) =>
      sampleOfDay(index, day, range, limit),
    );
    return {
      count: perDay.reduce((sum, day) => sum + day.count, 0),
      tx_ids: perDay.flatMap((day) => day.tx_ids).slice(0, limit),
    };
  };

  return {
    impressionsIn: (range, limit) => sampleIn(PENDING_IMPRESSIONS, range, limit),
    clicksIn: (range, limit) => sampleIn(PENDING_CLICKS, range, limit),
  };
}
