import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * Every windows table's index by UTC day: key `window_day` (set by `windowAttributes`) and
 * `window_start`, so a day's windows of every owner are one query.
 */
export const WINDOWS_BY_DAY_INDEX = { name: 'ByDay', day: 'window_day', start: 'window_start' } as const;

/**
 * How a table of event-time windows stores them, published by the service that writes it (aggregate's
 * campaign windows, demand's product windows) for the services that read it: one item per owner
 * (`keyAttribute`) and `window_start` (ISO 8601 UTC with milliseconds, so text order is time order),
 * the index `WINDOWS_BY_DAY_INDEX`, and the counts. Pure: no client, so a reader's bundle gets only
 * the codec.
 *
 * @example
 * const { keyAttribute, countAttributes, windowOf } = campaignWindowItems;
 * // query `keyAttribute` = 7, project [keyAttribute, 'window_start', ...countAttributes], then items.map(windowOf)
 */
export interface WindowItemSchema<K, W> {
  /** The partition key: whose windows (e.g. `campaign_item_id`) */
  keyAttribute: string;
  /** The partition key's value for an owner */
  keyValue(key: K): AttributeValue;
  /** The key of one owner's window item */
  itemKey(key: K, windowStart: string): Record<string, AttributeValue>;
  /** The counts a window item holds; a count not written yet is absent and reads as zero */
  countAttributes: readonly string[];
  /** The window an item holds, read with at least `keyAttribute`, `window_start` and `countAttributes` */
  windowOf(item: Record<string, AttributeValue>): W;
}
