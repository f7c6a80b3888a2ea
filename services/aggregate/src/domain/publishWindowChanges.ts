import { validateAggregationWindow, type PutOutcome, type StreamRecord } from '@sdp/shared';
import { toAggregationWindow } from './toAggregationWindow.js';

/** One change of the aggregations table: its stream sequence number and the item after it, if any. */
export interface WindowChange {
  sequenceNumber: string;
  /** The new image, converted to plain values; absent for a removal */
  newImage?: Record<string, unknown>;
}

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
export async function publishWindowChanges(
  changes: readonly WindowChange[],
  { write, log }: PublishWindowChangesOptions,
): Promise<{ batchItemFailures: { itemIdentifier: string }[]; published: number; skipped: number }> {
  const pending: { sequenceNumber: string; record: StreamRecord }[] = [];
  for (const { sequenceNumber, newImage } of changes) {
    if (!newImage) continue;
    const window = toAggregationWindow(newImage);
    if (!validateAggregationWindow(window)) {
      log('skipped a window that breaks the AggregationWindow contract', { sequenceNumber, window, errors: validateAggregationWindow.errors });
      continue;
    }
    const data = Buffer.from(JSON.stringify(window), 'utf8');
    pending.push({ sequenceNumber, record: { partitionKey: String(window.campaign_item_id), data } });
  }
  const outcomes = pending.length > 0 ? await write(pending.map((p) => p.record)) : [];
  const batchItemFailures = pending.flatMap(({ sequenceNumber }, i) => {
    const outcome = outcomes[i];
    if (outcome?.ok) return [];
    log('the aggregates stream did not take a window; it will be re-delivered', { sequenceNumber, outcome });
    return [{ itemIdentifier: sequenceNumber }];
  });
  return { batchItemFailures, published: pending.length - batchItemFailures.length, skipped: changes.length - pending.length };
}
