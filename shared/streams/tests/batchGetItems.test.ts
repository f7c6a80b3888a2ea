import { DynamoDBClient, type AttributeValue, type BatchGetItemCommand } from '@aws-sdk/client-dynamodb';
import { batchGetItems, UnreadKeysError } from '../src/index.js';

type Item = Record<string, AttributeValue>;
const keyOf = (id: string): Item => ({ id: { S: id } });
const itemOf = (id: string): Item => ({ id: { S: id }, score: { N: '1' } });

/**
 * A DynamoDB client holding `stored` items of table `t`, which records each request and leaves the
 * last key of a request unprocessed as long as `throttle` says so.
 */
function fakeClient(stored: readonly string[], throttle: (request: number) => boolean = () => false) {
  const client = new DynamoDBClient({ region: 'us-east-1' });
  const requests: BatchGetItemCommand['input'][] = [];
  client.send = (async (command: BatchGetItemCommand) => {
    requests.push(command.input);
    const keys = command.input.RequestItems!.t!.Keys!;
    const processed = throttle(requests.length) ? keys.slice(0, -1) : keys;
    const unprocessed = keys.slice(processed.length);
    return {
      Responses: {
        t: processed
          .map((key) => key.id!.S!)
          .filter((id) => stored.includes(id))
          .map(itemOf),
      },
      UnprocessedKeys: unprocessed.length > 0 ? { t: { Keys: unprocessed } } : {},
    };
  }) as DynamoDBClient['send'];
  return { client, requests };
}

describe('batchGetItems', () => {
  it('reads 100 keys per request, with the projection and consistency asked for, and answers the items that exist', async () => {
    // Prepare
    const ids = Array.from({ length: 250 }, (_, i) => `k${i}`);
    const { client, requests } = fakeClient(['k0', 'k150', 'k249']);

    // Act
    const items = await batchGetItems(client, 't', ids.map(keyOf), {
      attributes: ['id', 'score'],
      consistentRead: true,
    });

    // Assess
    expect(items.sort((a, b) => (a.id!.S! < b.id!.S! ? -1 : 1))).toStrictEqual([
      itemOf('k0'),
      itemOf('k150'),
      itemOf('k249'),
    ]);
    expect(requests.map((r) => r.RequestItems!.t!.Keys!.length)).toStrictEqual([100, 100, 50]);
    expect(requests[0]).toStrictEqual({
      RequestItems: {
        t: {
          Keys: ids.slice(0, 100).map(keyOf),
          ConsistentRead: true,
          ProjectionExpression: '#a0, #a1',
          ExpressionAttributeNames: { '#a0': 'id', '#a1': 'score' },
        },
      },
    });
  });

  it('asks again for the keys DynamoDB left unprocessed', async () => {
    // Prepare
    const { client, requests } = fakeClient(['a', 'b'], (request) => request <= 2);

    // Act
    const items = await batchGetItems(client, 't', [keyOf('a'), keyOf('b')]);

    // Assess
    expect(items).toStrictEqual([itemOf('a'), itemOf('b')]);
    expect(requests).toStrictEqual([
      { RequestItems: { t: { Keys: [keyOf('a'), keyOf('b')] } } },
      { RequestItems: { t: { Keys: [keyOf('b')] } } },
      { RequestItems: { t: { Keys: [keyOf('b')] } } },
    ]);
  });

  it('gives up after maxRounds rounds with the keys still unread', async () => {
    // Prepare
    const { client, requests } = fakeClient(['a', 'b'], () => true);

    // Act
    const reading = batchGetItems(client, 't', [keyOf('a'), keyOf('b')], { maxRounds: 2 });

    // Assess
    await expect(reading).rejects.toBeInstanceOf(UnreadKeysError);
    await expect(reading).rejects.toMatchObject({
      name: 'UnreadKeysError',
      message: 'DynamoDB left 1 key of t unread after 2 rounds of BatchGetItem.',
      tableName: 't',
      unread: [keyOf('b')],
    });
    expect(requests).toHaveLength(2);
  });

  it('sends nothing for no keys', async () => {
    // Prepare
    const { client, requests } = fakeClient([]);

    // Act
    const items = await batchGetItems(client, 't', []);

    // Assess
    expect(items).toStrictEqual([]);
    expect(requests).toStrictEqual([]);
  });
});
