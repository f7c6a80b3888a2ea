import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import type { PutOutcome, StreamRecord } from './types.js';

/** One change of a DynamoDB table: its stream sequence number and the item after it, if any. */
export interface TableChange {
  sequenceNumber: string;
  /** The new image, converted to plain values; absent for a removal */
  newImage?: Record<string, unknown>;
  /** The image before, when the table's stream carries it (`NEW_AND_OLD_IMAGES`) and the item existed */
  oldImage?: Record<string, unknown>;
}

/**
 * The changes a DynamoDB stream event delivers, in order, with plain new images.
 *
 * @example
 * tableChangesOf(event) // [{ sequenceNumber: '100', newImage: { product_id: 'sku-001', views: 3, … } }]
 */
export function tableChangesOf(event: DynamoDBStreamEvent): TableChange[] {
  return event.Records.map(({ dynamodb }) => ({
    sequenceNumber: dynamodb?.SequenceNumber ?? '',
    // aws-lambda's AttributeValue type and the SDK's describe the same JSON.
    ...(dynamodb?.NewImage ? { newImage: unmarshall(dynamodb.NewImage as Record<string, AttributeValue>) } : {}),
    ...(dynamodb?.OldImage ? { oldImage: unmarshall(dynamodb.OldImage as Record<string, AttributeValue>) } : {}),
  }));
}

/** What an item is published as, or why it is not (`log` set: it breaks the contract and is logged). */
export type Publication =
  | { publish: true; partitionKey: string; value: unknown }
  | { publish: false; log?: { message: string; data: Record<string, unknown> } };

export interface PublishTableChangesOptions {
  /** The published form of an item, or several (an item that holds several published things), given the image before when there is one */
  publicationOf: (image: Record<string, unknown>, oldImage?: Record<string, unknown>) => Publication | Publication[];
  write: (records: readonly StreamRecord[]) => Promise<PutOutcome[]>;
  log: (message: string, data: Record<string, unknown>) => void;
  /** Logged for each change the stream did not take */
  refusedMessage: string;
}

/**
 * Publishes each changed item of a table stream to a Kinesis stream as JSON and returns the changes
 * the stream did not take as batch item failures (Lambda re-delivers from the first). Removals are
 * not published; an item `publicationOf` turns down is skipped, so it never holds the table stream
 * back. Changes the stream refused as a stream's fault (throttled, failed) are marked `transient`. A re-delivered change publishes the same item again: consumers keep the latest version.
 *
 * @example
 * await publishTableChanges([{ sequenceNumber: '100', newImage }], { publicationOf, write, log, refusedMessage: '…' })
 * // { batchItemFailures: [], published: 1, skipped: 0 }
 */
export async function publishTableChanges(
  changes: readonly TableChange[],
  { publicationOf, write, log, refusedMessage }: PublishTableChangesOptions,
): Promise<{ batchItemFailures: { itemIdentifier: string }[]; published: number; skipped: number; transient?: true }> {
  const pending: { sequenceNumber: string; record: StreamRecord }[] = [];
  let skipped = 0;
  for (const { sequenceNumber, newImage, oldImage } of changes) {
    if (!newImage) {
      skipped++;
      continue;
    }
    let published = 0;
    for (const publication of [publicationOf(newImage, oldImage)].flat()) {
      if (!publication.publish) {
        if (publication.log) log(publication.log.message, { sequenceNumber, ...publication.log.data });
        continue;
      }
      published++;
      pending.push({
        sequenceNumber,
        record: {
          partitionKey: publication.partitionKey,
          data: Buffer.from(JSON.stringify(publication.value), 'utf8'),
        },
      });
    }
    if (published === 0) skipped++;
  }
  const outcomes = pending.length > 0 ? await write(pending.map((p) => p.record)) : [];
  const failed = new Set<string>();
  let onlyStreamFaults = true;
  pending.forEach(({ sequenceNumber }, i) => {
    const outcome = outcomes[i];
    if (outcome?.ok) return;
    log(refusedMessage, { sequenceNumber, outcome });
    failed.add(sequenceNumber);
    onlyStreamFaults &&= outcome?.retryable === true;
  });
  const published = pending.length - pending.filter(({ sequenceNumber }) => failed.has(sequenceNumber)).length;
  // A stream that throttles or fails is not the changes' fault: they are re-delivered without counting attempts.
  const transient = failed.size > 0 && onlyStreamFaults ? { transient: true as const } : {};
  return {
    batchItemFailures: [...failed].map((itemIdentifier) => ({ itemIdentifier })),
    published,
    skipped,
    ...transient,
  };
}
