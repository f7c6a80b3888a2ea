import { DynamoDBClient, type QueryCommand, type QueryCommandOutput } from '@aws-sdk/client-dynamodb';
import { dynamoDbAggregationsTable } from '../src/adapters/aggregationsTable.js';

const ATTRIBUTES = ['campaign_item_id', 'window_start', 'bids', 'impressions', 'clicks', 'spend'];
/** Every attribute goes through a name (`#views` of product windows is a reserved word). */
const PROJECTION = {
  ProjectionExpression: ATTRIBUTES.map((name) => `#${name}`).join(', '),
  ExpressionAttributeNames: Object.fromEntries(ATTRIBUTES.map((name) => [`#${name}`, name])),
};

/** A DynamoDB client that answers queries from `pages` in turn and records what it was asked. */
function fakeClient(pages: Partial<QueryCommandOutput>[]) {
  const client = new DynamoDBClient({ region: 'us-east-1' });
  const inputs: QueryCommand['input'][] = [];
  client.send = (async (command: QueryCommand) => {
    inputs.push({ ...command.input });
    return pages.shift() ?? { Items: [] };
  }) as DynamoDBClient['send'];
  return { client, inputs };
}

const item = (campaignItemId: number, windowStart: string, counts: Record<string, number>) => ({
  campaign_item_id: { N: String(campaignItemId) },
  window_start: { S: windowStart },
  ...Object.fromEntries(Object.entries(counts).map(([name, value]) => [name, { N: String(value) }])),
});

describe('dynamoDbAggregationsTable', () => {
  it('reads every page of a campaign’s windows, counting a missing count as zero', async () => {
    // Prepare
    const { client, inputs } = fakeClient([
      {
        Items: [item(7, '2026-11-22T04:05:00.000Z', { bids: 3, impressions: 1 })],
        LastEvaluatedKey: { campaign_item_id: { N: '7' } },
      },
      { Items: [item(7, '2026-11-22T04:06:00.000Z', { bids: 1, clicks: 1, spend: 9 })] },
    ]);

    // Act
    const windows = await dynamoDbAggregationsTable(client, 'aggregations').windowsOfCampaign(7);

    // Assess
    expect(windows).toStrictEqual([
      {
        campaignItemId: 7,
        windowStart: new Date('2026-11-22T04:05:00.000Z'),
        bids: 3,
        impressions: 1,
        clicks: 0,
        spend: 0,
      },
      {
        campaignItemId: 7,
        windowStart: new Date('2026-11-22T04:06:00.000Z'),
        bids: 1,
        impressions: 0,
        clicks: 1,
        spend: 9,
      },
    ]);
    expect(inputs).toStrictEqual([
      {
        TableName: 'aggregations',
        ...PROJECTION,
        KeyConditionExpression: '#campaign_item_id = :key',
        ExpressionAttributeValues: { ':key': { N: '7' } },
        ExclusiveStartKey: undefined,
        Limit: undefined,
      },
      {
        TableName: 'aggregations',
        ...PROJECTION,
        KeyConditionExpression: '#campaign_item_id = :key',
        ExpressionAttributeValues: { ':key': { N: '7' } },
        ExclusiveStartKey: { campaign_item_id: { N: '7' } },
        Limit: undefined,
      },
    ]);
  });

  it('asks for the windows starting in [from, to) with BETWEEN from and the last millisecond before to', async () => {
    // Prepare
    const { client, inputs } = fakeClient([]);
    const range = { from: new Date('2026-03-28T23:00:00.000Z'), to: new Date('2026-03-29T22:00:00.000Z') };

    // Act
    await dynamoDbAggregationsTable(client, 'aggregations').windowsOfCampaign(7, range);

    // Assess
    expect(
      inputs.map(({ KeyConditionExpression, ExpressionAttributeValues }) => ({
        KeyConditionExpression,
        ExpressionAttributeValues,
      })),
    ).toStrictEqual([
      {
        KeyConditionExpression: '#campaign_item_id = :key AND #window_start BETWEEN :from AND :last',
        ExpressionAttributeValues: {
          ':key': { N: '7' },
          ':from': { S: '2026-03-28T23:00:00.000Z' },
          ':last': { S: '2026-03-29T21:59:59.999Z' },
        },
      },
    ]);
  });

  it('queries the ByDay index once per UTC day of the range and joins the days in order', async () => {
    // Prepare
    const { client, inputs } = fakeClient([
      { Items: [item(1, '2026-03-28T23:00:00.000Z', { bids: 1 })] },
      { Items: [item(2, '2026-03-29T12:00:00.000Z', { bids: 2 })] },
    ]);
    const range = { from: new Date('2026-03-28T23:00:00.000Z'), to: new Date('2026-03-29T22:00:00.000Z') };

    // Act
    const windows = await dynamoDbAggregationsTable(client, 'aggregations').windowsStartingIn(range);

    // Assess
    expect(windows.map((w) => [w.campaignItemId, w.bids])).toStrictEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(
      inputs.map(({ IndexName, KeyConditionExpression, ExpressionAttributeValues }) => ({
        IndexName,
        KeyConditionExpression,
        ExpressionAttributeValues,
      })),
    ).toStrictEqual(
      ['2026-03-28', '2026-03-29'].map((day) => ({
        IndexName: 'ByDay',
        KeyConditionExpression: 'window_day = :day AND #window_start BETWEEN :from AND :last',
        ExpressionAttributeValues: {
          ':day': { S: day },
          ':from': { S: '2026-03-28T23:00:00.000Z' },
          ':last': { S: '2026-03-29T21:59:59.999Z' },
        },
      })),
    );
  });
});
