import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { validateEnrichedEvent } from '@sdp/shared-contract';
import { localDynamoDbClient, localKinesisClient } from '@sdp/local-cloud';
import { readWholeStream } from './support/readWholeStream.js';
import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';

const ENRICHED_STREAM = 'sdp-enrich-local-enriched-events';
const JOIN_STATE_TABLE = 'sdp-enrich-local-join-state';
/** The tenant of the key the local cloud makes at start: a transaction's state is keyed `<tenant>/<tx_id>` */
const LOCAL_TENANT = 'local';

describe('enrich through the local cloud', () => {
  let cloud: TestCloud;
  const tx = (n: number) => `enrich-tx-${n}`;

  const post = async (path: string, body: object): Promise<void> => {
    const response = await cloud.fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(202);
  };
  const bid = (tx_id: string, campaign_item_id: number) => ({
    tx_id,
    app_uid: 'u-1',
    campaign_item_id,
    domain: 'news.example.com',
    creative_id: 'c-1',
    creative_category: 'travel',
  });
  /** The enriched stream's records of this suite's transactions (the stream is shared with other suites) */
  const enrichedRecords = async () =>
    (await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), ENRICHED_STREAM)).filter((record) =>
      (record.data as { tx_id: string }).tx_id.startsWith('enrich-tx-'),
    );

  beforeAll(async () => {
    cloud = await sharedTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('joins each transaction whatever the arrival order, once, and keeps unjoined impressions as orphan candidates', async () => {
    // Prepare: tx 1 in order with a duplicate bid, tx 2 backwards, tx 3 an impression without bid
    await post('/bid', bid(tx(1), 11));
    await post('/impression', { tx_id: tx(1), win_price: 40 });
    await post('/bid', bid(tx(1), 11));
    await post('/click', { tx_id: tx(1) });
    await post('/click', { tx_id: tx(2) });
    await post('/impression', { tx_id: tx(2), win_price: 70 });
    await post('/bid', bid(tx(2), 22));
    await post('/impression', { tx_id: tx(3), win_price: 5 });

    // Act
    await cloud.waitForIdle();
    const records = await enrichedRecords();

    // Assess
    const events = records.map(
      (record) => record.data as { tx_id: string; type: string; campaign_item_id: number; win_price?: number },
    );
    expect(records.every((record) => validateEnrichedEvent(record.data))).toBe(true);
    expect(events.map((e) => `${e.tx_id}:${e.type}:${e.campaign_item_id}:${e.win_price ?? '-'}`).sort()).toStrictEqual([
      'enrich-tx-1:bid:11:-',
      'enrich-tx-1:click:11:40',
      'enrich-tx-1:imp:11:40',
      'enrich-tx-2:bid:22:-',
      'enrich-tx-2:click:22:70',
      'enrich-tx-2:imp:22:70',
    ]);
    expect(
      records.every(
        (record) => record.partitionKey === String((record.data as { campaign_item_id: number }).campaign_item_id),
      ),
    ).toBe(true);
    const stateOf = async (txId: string) =>
      (
        await localDynamoDbClient(cloud.dynamoDbEndpoint).send(
          new GetItemCommand({
            TableName: JOIN_STATE_TABLE,
            Key: { tx_id: { S: `${LOCAL_TENANT}/${txId}` } },
            ConsistentRead: true,
          }),
        )
      ).Item;
    const orphan = await stateOf(tx(3));
    expect(orphan?.pending_imp_day?.S).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(orphan?.imp?.M?.joined?.BOOL).toBe(false);
    expect(orphan?.emitted).toStrictEqual({ M: {} });
    // The state names the enriched record of each emitted event as its copy, and keeps no event-id list
    const joined = await stateOf(tx(1));
    const copyOf = (type: string) => {
      const record = records.find(
        (r) =>
          (r.data as { tx_id: string; type: string }).tx_id === tx(1) && (r.data as { type: string }).type === type,
      )!;
      return { S: `${record.shardId}:${record.sequenceNumber}` };
    };
    expect(joined?.emitted).toStrictEqual({ M: { bid: copyOf('bid'), imp: copyOf('imp'), click: copyOf('click') } });
    expect([joined?.seen, joined?.duplicates]).toStrictEqual([undefined, undefined]);
  }, 60_000);
});
