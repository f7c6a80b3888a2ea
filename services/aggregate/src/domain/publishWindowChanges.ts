import { validateAggregationWindow } from '@sdp/shared-contract';
import { publishTableChanges, type PutOutcome, type StreamRecord, type TableChange } from '@sdp/shared-streams';
import { toAggregationWindow } from './toAggregationWindow.js';

/** One change of the aggregations table: its stream sequence number and the item after it, if any. */
export type WindowChange = TableChange;

export interface PublishWindowChangesOptions {
  write: (records: readonly StreamRecord[]) => Promise<PutOutcome[]>;
  log: (message: string, data: Record<string, unknown>) => void;
}

/**
 * Publishes each changed window as an `AggregationWindow` (partition key `campaign_item_id`) and
 * returns the changes the stream did not take as batch item failures. Removals are not published;
 * an image that breaks the contract is logged and skipped so it never holds the table stream back.
 * Windows only grow, so a consumer keeps, per window, the version with the highest counts or
 * `updated_at`; a re-delivered change is then harmless.
 *
 * @example
 * await publishWindowChanges([{ sequenceNumber: '100', newImage }], { write, log })
 * // { batchItemFailures: [], published: 1, skipped: 0 }
 */
export function publishWindowChanges(changes: readonly WindowChange[], { write, log }: PublishWindowChangesOptions) {
  return publishTableChanges(changes, {
    write,
    log,
    refusedMessage: 'the aggregates stream did not take a window; it will be re-delivered',
    publicationOf: (image) => {
      const window = toAggregationWindow(image);
      if (validateAggregationWindow(window))
        return { publish: true, partitionKey: String(window.campaign_item_id), value: window };
      return {
        publish: false,
        log: {
          message: 'skipped a window that breaks the AggregationWindow contract',
          data: { window, errors: validateAggregationWindow.errors },
        },
      };
    },
  });
}
