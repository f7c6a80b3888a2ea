import { DynamoDBClient, type PutItemCommand } from '@aws-sdk/client-dynamodb';
import { dynamoDbConsumerProgress, progressEntryOf, type ProgressEntry } from '../src/index.js';

/** A DynamoDB client that keeps the items it is asked to put. */
function recordingClient() {
  const client = new DynamoDBClient({ region: 'us-east-1' });
  const items: NonNullable<PutItemCommand['input']['Item']>[] = [];
  client.send = (async (command: PutItemCommand) => {
    items.push(command.input.Item!);
    return {};
  }) as DynamoDBClient['send'];
  return { client, items };
}

describe('consumer progress items', () => {
  it('reads back the entry the consumer recorded', async () => {
    // Prepare
    const { client, items } = recordingClient();
    const entry: ProgressEntry = {
      functionName: 'sdp-enrich-dev-joinEvents',
      shardId: 'shardId-000000000001',
      firstSequence: '49650123',
      lastSequence: '49650180',
      windows: { '2026-11-22T10:04': 12, unknown: 1 },
      at: new Date('2026-11-22T10:05:01.250Z'),
    };

    // Act
    await dynamoDbConsumerProgress(client, 'sdp-ops-dev-consumer-progress').record(entry);

    // Assess
    expect(items.map(progressEntryOf)).toStrictEqual([entry]);
  });
});
