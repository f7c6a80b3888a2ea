import { validateProductWindow } from '@sdp/shared-contract';
import { publishTableChanges, type PutOutcome, type StreamRecord, type TableChange } from '@sdp/shared-streams';
import { toProductWindow } from './toProductWindow.js';

export interface PublishProductWindowChangesOptions {
  write: (records: readonly StreamRecord[]) => Promise<PutOutcome[]>;
  log: (message: string, data: Record<string, unknown>) => void;
}

/**
 * Publishes each changed product window as a `ProductWindow` (partition key `product_id`) and
 * returns the changes the stream did not take as batch item failures. A consumer keeps, per window,
 * the highest `version`; a re-delivered change is then harmless.
 *
 * @example
 * await publishProductWindowChanges([{ sequenceNumber: '100', newImage }], { write, log })
 * // { batchItemFailures: [], published: 1, skipped: 0 }
 */
export function publishProductWindowChanges(
  changes: readonly TableChange[],
  { write, log }: PublishProductWindowChangesOptions,
) {
  return publishTableChanges(changes, {
    write,
    log,
    refusedMessage: 'the product windows stream did not take a window; it will be re-delivered',
    publicationOf: (image) => {
      const window = toProductWindow(image);
      if (validateProductWindow(window)) return { publish: true, partitionKey: window.product_id, value: window };
      return {
        publish: false,
        log: {
          message: 'skipped a window that breaks the ProductWindow contract',
          data: { window, errors: validateProductWindow.errors },
        },
      };
    },
  });
}
