import type { FailedEvent } from '@sdp/shared-streams';

/** A failed event without its data, as lists show it. */
export type FailedEventSummary = Omit<FailedEvent, 'data' | 'partition_key' | 'event_source_arn' | 'data_truncated'>;

export function summarizeFailedEvent(failed: FailedEvent): FailedEventSummary {
  const { data, partition_key, event_source_arn, data_truncated, ...summary } = failed;
  void [data, partition_key, event_source_arn, data_truncated];
  return summary;
}
