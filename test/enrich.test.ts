import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { validateEnrichedEvent } from '../shared/src/generated/validators.js';
import { localDynamoDbClient, localKinesisClient } from '../local-cloud/src/clients.js';
import { readWholeStream } from './support/readWholeStream.js';
import { startTestCloud, CLOUD_START_TIMEOUT_MS } from './support/startTestCloud.js';

const ENRICHED_STREAM = 'sdp-enrich-local-enriched-events';
const JOIN_STATE_TABLE = 'sdp-enrich-local-join-state';

describe('enrich through the local cloud', () => {
  let cloud: Awaited<ReturnType<typeof startTestCloud>>;

  const post = async (path: string, body: object): Promise<void> => {
    const response = await cloud.fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(202);
  };
  const bid = (tx_id: string, campaign_item_id: number) => ({ tx_id, app_uid: 'u-1', campaign_item_id, domain: 'news.example.com', creative_id: 'c-1', creative_category: 'travel' });
  const enrichedRecords = async () => readWholeStream(localKinesisClient(cloud.kinesisEndpoint), ENRICHED_STREAM);

  beforeAll(async () => {
    cloud = await startTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('joins each transaction whatever the arrival order, once, and keeps unjoined impressions as orphan candidates', async () => {
    // Prepare: tx-1 in order with a duplicate bid, tx-2 backwards, tx-3 an impression without bid
    await post('/bid', bid('tx-1', 11));
    await post('/impression', { tx_id: 'tx-1', win_price: 40 });
    await post('/bid', bid('tx-1', 11));
    await post('/click', { tx_id: 'tx-1' });
    await post('/click', { tx_id: 'tx-2' });
    await post('/impression', { tx_id: 'tx-2', win_price: 70 });
    await post('/bid', bid('tx-2', 22));
    await post('/impression', { tx_id: 'tx-3', win_price: 5 });

    // Act
    const deadline = Date.now() + 30_000;
    let records = await enrichedRecords();
    while (records.length < 6 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      records = await enrichedRecords();
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    records = await enrichedRecords();

    // Assess
    const events = records.map((record) => record.data as { tx_id: string; type: string; campaign_item_id: number; win_price?: number });
    expect(records.every((record) => validateEnrichedEvent(record.data))).toBe(true);
    expect(events.map((e) => `${e.tx_id}:${e.type}:${e.campaign_item_id}:${e.win_price ?? '-'}`).sort()).toStrictEqual([
      'tx-1:bid:11:-',
      'tx-1:click:11:40',
      'tx-1:imp:11:40',
      'tx-2:bid:22:-',
      'tx-2:click:22:70',
      'tx-2:imp:22:70',
    ]);
    expect(records.every((record) => record.partitionKey === String((record.data as { campaign_item_id: number }).campaign_item_id))).toBe(true);
    const { Item } = await localDynamoDbClient(cloud.dynamoDbEndpoint).send(
      new GetItemCommand({ TableName: JOIN_STATE_TABLE, Key: { tx_id: { S: 'tx-3' } }, ConsistentRead: true }),
    );
    expect(Item?.pending_imp_day?.S).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Item?.imp?.M?.joined?.BOOL).toBe(false);
  }, 60_000);
});
