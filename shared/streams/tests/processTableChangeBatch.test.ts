import type { DynamoDBStreamEvent } from 'aws-lambda';
import {
  processTableChangeBatch,
  ReplayFailedError,
  type FailedEventStore,
  type StreamBatchOutcome,
  type TableChange,
} from '../src/index.js';
import { memoryFailedEventStore } from './support/memoryFailedEventStore.js';

const ARN =
  'arn:aws:dynamodb:us-east-1:123456789012:table/sdp-pricing-dev-demand-features/stream/2026-12-06T10:00:00.000';

function eventOf(versions: number[], arn = ARN): DynamoDBStreamEvent {
  return {
    Records: versions.map((version, i) => ({
      eventID: `e${i}`,
      eventName: 'MODIFY',
      eventSourceARN: arn,
      dynamodb: {
        SequenceNumber: String(700 + i),
        ApproximateCreationDateTime: 1_796_000_000,
        Keys: { product_id: { S: `sku-${i}` } },
        NewImage: { product_id: { S: `sku-${i}` }, features_version: { N: String(version) } },
      },
    })),
  } as unknown as DynamoDBStreamEvent;
}

const memoryStore = memoryFailedEventStore;

const options = (store: FailedEventStore) => ({
  store,
  functionName: 'sdp-pricing-dev-adjustPrices',
  maxAttempts: 2,
  now: () => new Date('2026-12-06T10:00:00Z'),
  sleep: async () => undefined,
});

describe('processTableChangeBatch', () => {
  it('hands the consumer the changes with plain images, and sets a change that keeps failing aside, whole, after its last attempt', async () => {
    // Prepare
    const { store, setAside } = memoryStore();
    const seen: TableChange[][] = [];
    const process = async (changes: TableChange[]): Promise<StreamBatchOutcome> => {
      seen.push(changes);
      return { batchItemFailures: [{ itemIdentifier: '701' }], failure: { name: 'RangeError', message: 'a bug' } };
    };

    // Act
    const responses = [
      await processTableChangeBatch(eventOf([3, 4]), process, options(store)),
      await processTableChangeBatch(eventOf([3, 4]), process, options(store)),
    ];

    // Assess
    expect(seen[0]).toStrictEqual([
      { sequenceNumber: '700', newImage: { product_id: 'sku-0', features_version: 3 } },
      { sequenceNumber: '701', newImage: { product_id: 'sku-1', features_version: 4 } },
    ]);
    expect(responses).toStrictEqual([{ batchItemFailures: [{ itemIdentifier: '701' }] }, { batchItemFailures: [] }]);
    expect(setAside).toStrictEqual([
      {
        functionName: 'sdp-pricing-dev-adjustPrices',
        eventSourceArn: ARN,
        shardId: 'stream-2026-12-06T10:00:00.000',
        partitionKey: '{"product_id":"sku-1"}',
        sequenceNumber: '701',
        data: JSON.stringify({ sequenceNumber: '701', newImage: { product_id: 'sku-1', features_version: 4 } }),
        reason: { name: 'RangeError', message: 'a bug' },
        at: new Date('2026-12-06T10:00:00Z'),
      },
    ]);
  });

  it('never counts an attempt while the model endpoint is down', async () => {
    // Prepare
    const { store, attempts, setAside } = memoryStore();
    const process = async (): Promise<StreamBatchOutcome> => ({
      batchItemFailures: [{ itemIdentifier: '700' }],
      failure: { name: 'ModelError', message: 'endpoint down' },
      transient: true,
    });

    // Act
    const responses = [];
    for (let i = 0; i < 5; i++) responses.push(await processTableChangeBatch(eventOf([3]), process, options(store)));

    // Assess
    expect(responses).toStrictEqual(
      Array.from({ length: 5 }, () => ({ batchItemFailures: [{ itemIdentifier: '700' }] })),
    );
    expect({ attempts: attempts.size, setAside }).toStrictEqual({ attempts: 0, setAside: [] });
  });

  it('throws a replayed change’s failure instead of setting it aside again', async () => {
    // Prepare
    const { store, setAside } = memoryStore();
    const process = async (): Promise<StreamBatchOutcome> => ({
      batchItemFailures: [{ itemIdentifier: '700' }],
      failure: { name: 'RangeError', message: 'still a bug' },
    });

    // Act
    const result = processTableChangeBatch(eventOf([3], `${ARN}-replay`), process, options(store));

    // Assess
    await expect(result).rejects.toBeInstanceOf(ReplayFailedError);
    expect(setAside).toStrictEqual([]);
  });
});
