import {
  BatchGetItemCommand,
  ConditionalCheckFailedException,
  DynamoDBClient,
  type UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { dynamoDbDemandFeaturesTable } from '../src/adapters/demandFeaturesTable.js';
import { features } from './support/pricingFixtures.js';

/**
 * A DynamoDB client that records each request. It answers a read with the items of `stored`
 * (product id → fingerprint) and an update with the next version, or with a failed condition when
 * the update carries the fingerprint stored for its product.
 */
function recordingClient(stored: Record<string, string> = {}) {
  const client = new DynamoDBClient({ region: 'us-east-1' });
  const requests: (BatchGetItemCommand['input'] | UpdateItemCommand['input'])[] = [];
  client.send = (async (command: BatchGetItemCommand | UpdateItemCommand) => {
    requests.push(command.input);
    if (command instanceof BatchGetItemCommand) {
      const ids = command.input.RequestItems!['demand-features']!.Keys!.map((key) => key.product_id!.S!);
      return {
        Responses: {
          'demand-features': ids
            .filter((id) => id in stored)
            .map((id) => ({ product_id: { S: id }, fingerprint: { S: stored[id]! } })),
        },
      };
    }
    const { Key, ExpressionAttributeValues } = command.input as UpdateItemCommand['input'];
    if (stored[Key!.product_id!.S!] === ExpressionAttributeValues![':fingerprint']!.S) {
      throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
    }
    return { Attributes: { features_version: { N: String(requests.length) } } };
  }) as DynamoDBClient['send'];
  return { client, requests };
}

describe('dynamoDbDemandFeaturesTable', () => {
  const { features_version: _version, ...hydrated } = features({ attributes: { colour: 'black' } });

  it('reads the stored fingerprints of products with one consistent BatchGetItem of their ids and fingerprints', async () => {
    // Prepare
    const { client, requests } = recordingClient({ 'sku-001': 'fp-1', 'sku-003': 'fp-3' });
    const table = dynamoDbDemandFeaturesTable(client, 'demand-features');

    // Act
    const fingerprints = await table.storedFingerprints(['sku-001', 'sku-002', 'sku-003']);

    // Assess
    expect(fingerprints).toStrictEqual(
      new Map([
        ['sku-001', 'fp-1'],
        ['sku-003', 'fp-3'],
      ]),
    );
    expect(requests).toStrictEqual([
      {
        RequestItems: {
          'demand-features': {
            Keys: [
              { product_id: { S: 'sku-001' } },
              { product_id: { S: 'sku-002' } },
              { product_id: { S: 'sku-003' } },
            ],
            ConsistentRead: true,
            ProjectionExpression: '#a0, #a1',
            ExpressionAttributeNames: { '#a0': 'product_id', '#a1': 'fingerprint' },
          },
        },
      },
    ]);
  });

  it('writes the features as a new version on condition that the stored fingerprint differs', async () => {
    // Prepare
    const { client, requests } = recordingClient();
    const table = dynamoDbDemandFeaturesTable(client, 'demand-features');

    // Act
    const version = await table.writeIfChanged(hydrated, 'fp-new');

    // Assess
    expect(version).toBe(1);
    expect(requests).toStrictEqual([
      {
        TableName: 'demand-features',
        Key: { product_id: { S: 'sku-001' } },
        UpdateExpression:
          'SET #as_of = :as_of, #recent_minutes = :recent_minutes, #views = :views, #carts = :carts, #purchases = :purchases, ' +
          '#baseline_views = :baseline_views, #baseline_carts = :baseline_carts, #baseline_purchases = :baseline_purchases, ' +
          '#ordered_units = :ordered_units, #price_cents = :price_cents, #category = :category, #attributes = :attributes, ' +
          '#fingerprint = :fingerprint ADD features_version :one',
        ConditionExpression: 'attribute_not_exists(fingerprint) OR fingerprint <> :fingerprint',
        ExpressionAttributeNames: {
          '#as_of': 'as_of',
          '#recent_minutes': 'recent_minutes',
          '#views': 'views',
          '#carts': 'carts',
          '#purchases': 'purchases',
          '#baseline_views': 'baseline_views',
          '#baseline_carts': 'baseline_carts',
          '#baseline_purchases': 'baseline_purchases',
          '#ordered_units': 'ordered_units',
          '#price_cents': 'price_cents',
          '#category': 'category',
          '#attributes': 'attributes',
          '#fingerprint': 'fingerprint',
        },
        ExpressionAttributeValues: {
          ':as_of': { S: hydrated.as_of },
          ':recent_minutes': { N: '15' },
          ':views': { N: '40' },
          ':carts': { N: '6' },
          ':purchases': { N: '3' },
          ':baseline_views': { N: '9' },
          ':baseline_carts': { N: '1' },
          ':baseline_purchases': { N: '1' },
          ':ordered_units': { N: '12' },
          ':price_cents': { N: '10000' },
          ':category': { S: 'running' },
          ':attributes': { M: { colour: { S: 'black' } } },
          ':fingerprint': { S: 'fp-new' },
          ':one': { N: '1' },
        },
        ReturnValues: 'UPDATED_NEW',
      },
    ]);
  });

  it('writes nothing new when a concurrent writer stored the same fingerprint since it was read', async () => {
    // Prepare
    const { client } = recordingClient({ 'sku-001': 'fp-same' });
    const table = dynamoDbDemandFeaturesTable(client, 'demand-features');

    // Act
    const version = await table.writeIfChanged(hydrated, 'fp-same');

    // Assess
    expect(version).toBeUndefined();
  });
});
