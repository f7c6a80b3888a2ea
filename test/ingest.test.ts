import { validateAcceptedEvent, validateBatchResult, validateError, validateEventEnvelope } from '@sdp/shared-contract';
import { localKinesisClient } from '@sdp/local-cloud';
import { NAMESPACES } from './support/namespaces.js';
import { readWholeStream } from './support/readWholeStream.js';
import { sharedTestCloud } from './support/sharedCloud.js';
import { CLOUD_START_TIMEOUT_MS, type TestCloud } from './support/testCloud.js';

// A request may wait for an instance of its function to start: seconds beside other suites on 2 cores.
jest.setTimeout(60_000);

const RAW_EVENTS_STREAM = 'sdp-ingest-local-raw-events';
const TX_ID = '44db4cf3-c372-4f7c-8443-9d2a1e725473';
const { txPrefix } = NAMESPACES.ingest;
/** This suite's transactions on the shared raw stream: the seed's, and every other one under the suite's prefix. */
const ownTransaction = (txId: unknown) => txId === TX_ID || (typeof txId === 'string' && txId.startsWith(txPrefix));

// The seed platform's requests, verbatim.
const seedBid =
  '{"tx_id":"44db4cf3-c372-4f7c-8443-9d2a1e725473","domain":"www.google.com","app_uid":"e582f2a0-3e2b-4066-a2a3-dc5867953d0d","campaign_item_id":1463517,"creative_id":"b72897cb-3f88-423b-84aa-9b7710d2416d","creative_category":"testCreativeCategory"}';
const seedImpression = '{"tx_id":"44db4cf3-c372-4f7c-8443-9d2a1e725473","win_price":1}';
const seedClick = '{"tx_id":"44db4cf3-c372-4f7c-8443-9d2a1e725473"}';

describe('ingest through the local cloud', () => {
  let cloud: TestCloud;
  const accepted = new Map<string, { type: string; data: unknown }>();

  const post = async (
    path: string,
    body: string,
    headers: Record<string, string> = { 'content-type': 'application/json' },
  ) => {
    const response = await cloud.fetch(path, { method: 'POST', headers, body });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
    };
  };

  beforeAll(async () => {
    cloud = await sharedTestCloud();
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it.each([
    ['/bid', seedBid, 'bid'],
    ['/impression', seedImpression, 'imp'],
    ['/click', seedClick, 'click'],
  ])('accepts the seed request to %s with 202 once the event is in the stream', async (path, body, type) => {
    // Act
    const response = await post(path, body);

    // Assess
    expect(response.status).toBe(202);
    expect(validateAcceptedEvent(response.body)).toBe(true);
    accepted.set(String(response.body!.event_id), { type, data: { ...JSON.parse(body), type } });
  });

  it('writes a batch with PutRecords and reports every item in order', async () => {
    // Prepare
    const events = [
      { type: 'bid', tx_id: `${txPrefix}tx-b1`, app_uid: `${txPrefix}u1`, campaign_item_id: 1463517, win_price: 3 },
      { type: 'imp', tx_id: `${txPrefix}tx-b1`, win_price: 3 },
      { type: 'click', tx_id: `${txPrefix}tx-b1`, extra: true },
      { type: 'view', tx_id: `${txPrefix}tx-b1` },
      { type: 'click', tx_id: `${txPrefix}tx-b2` },
    ];

    // Act
    const response = await post('/events', JSON.stringify({ events }));

    // Assess
    expect(response.status).toBe(200);
    expect(validateBatchResult(response.body)).toBe(true);
    const results = response.body!.results as {
      index: number;
      status: string;
      event_id?: string;
      error?: { code: string };
    }[];
    expect(results.map((r) => [r.index, r.status, r.error?.code])).toStrictEqual([
      [0, 'accepted', undefined],
      [1, 'accepted', undefined],
      [2, 'rejected', 'validation_failed'],
      [3, 'rejected', 'validation_failed'],
      [4, 'accepted', undefined],
    ]);
    expect([response.body!.accepted, response.body!.rejected]).toStrictEqual([3, 2]);
    for (const result of results.filter((r) => r.status === 'accepted')) {
      const event = events[result.index]!;
      accepted.set(result.event_id!, { type: event.type, data: event });
    }
  });

  it.each([
    ['broken JSON', '/bid', '{"tx_id":', { 'content-type': 'application/json' }, 400, 'invalid_json'],
    ['an empty body', '/click', '', { 'content-type': 'application/json' }, 400, 'invalid_json'],
    ['a JSON array', '/click', '[]', { 'content-type': 'application/json' }, 400, 'validation_failed'],
    [
      'wrong types and a missing field',
      '/bid',
      '{"tx_id":5,"campaign_item_id":"x"}',
      { 'content-type': 'application/json' },
      400,
      'validation_failed',
    ],
    [
      'a type that does not match the route',
      '/click',
      `{"tx_id":"${txPrefix}tx-t","type":"bid"}`,
      { 'content-type': 'application/json' },
      400,
      'validation_failed',
    ],
    ['plain text', '/click', seedClick, { 'content-type': 'text/plain' }, 415, 'unsupported_media_type'],
    [
      'a form body (curl without a content type)',
      '/click',
      seedClick,
      { 'content-type': 'application/x-www-form-urlencoded' },
      415,
      'unsupported_media_type',
    ],
    [
      'an event over 1,000,000 bytes',
      '/bid',
      JSON.stringify({ tx_id: `${txPrefix}tx-t`, domain: 'x'.repeat(1_000_000) }),
      { 'content-type': 'application/json' },
      413,
      'payload_too_large',
    ],
    [
      'a body over the gateway limit',
      '/events',
      'x'.repeat(11 * 1024 * 1024),
      { 'content-type': 'application/json' },
      413,
      'payload_too_large',
    ],
    [
      'a batch of 501 events',
      '/events',
      JSON.stringify({ events: Array.from({ length: 501 }, () => ({ type: 'click', tx_id: `${txPrefix}tx-t` })) }),
      { 'content-type': 'application/json' },
      400,
      'validation_failed',
    ],
    ['an empty batch', '/events', '{"events":[]}', { 'content-type': 'application/json' }, 400, 'validation_failed'],
    ['an unknown route', '/bids', seedBid, { 'content-type': 'application/json' }, 404, 'not_found'],
  ])('rejects %s with a clear error and writes nothing', async (_, path, body, headers, status, code) => {
    // Act
    const response = await post(path, body, headers);

    // Assess
    expect({ status: response.status, code: response.body?.code }).toStrictEqual({ status, code });
    expect(validateError(response.body)).toBe(true);
  });

  it('lists every violation with its JSON path', async () => {
    // Act
    const response = await post('/bid', '{"tx_id":"","campaign_item_id":-1,"win_price":1.5,"colour":"red"}');

    // Assess
    expect(response.body!.violations).toStrictEqual([
      { path: '$.app_uid', message: 'is required' },
      { path: '$.colour', message: 'is not a known field; remove it or check its spelling' },
      { path: '$.tx_id', message: 'must NOT have fewer than 1 characters' },
      { path: '$.campaign_item_id', message: 'must be >= 0' },
      { path: '$.win_price', message: 'must be integer' },
    ]);
  });

  it('answers a wrong method with 405 and the allowed ones', async () => {
    // Act
    const response = await cloud.fetch('/bid');

    // Assess
    expect([
      response.status,
      response.headers.get('allow'),
      ((await response.json()) as { code: string }).code,
    ]).toStrictEqual([405, 'POST', 'method_not_allowed']);
  });

  it('put exactly the accepted events in the raw stream, once each, with the full envelope', async () => {
    // Act
    const records = (await readWholeStream(localKinesisClient(cloud.kinesisEndpoint), RAW_EVENTS_STREAM)).filter(
      (record) => ownTransaction((record.data as { data?: { tx_id?: unknown } }).data?.tx_id),
    );

    // Assess
    expect(records.every((record) => validateEventEnvelope(record.data))).toBe(true);
    const envelopes = records.map(
      (record) => record.data as { event_id: string; type: string; data: { tx_id: string } },
    );
    expect(envelopes.map((e) => e.event_id).sort()).toStrictEqual([...accepted.keys()].sort());
    expect(Object.fromEntries(envelopes.map((e) => [e.event_id, { type: e.type, data: e.data }]))).toStrictEqual(
      Object.fromEntries(accepted),
    );
    expect(records.every((record, i) => record.partitionKey === envelopes[i]!.data.tx_id)).toBe(true);
    const seedTransaction = records.filter((record) => record.partitionKey === TX_ID);
    expect(new Set(seedTransaction.map((record) => record.shardId)).size).toBe(1);
  });

  it('gives a resent event with the same Idempotency-Key the same event_id', async () => {
    // Prepare
    const withKey = (key: string) => ({ 'content-type': 'application/json', 'idempotency-key': key });

    // Act
    const first = await post('/click', seedClick, withKey(`${txPrefix}click-0001`));
    const resent = await post('/click', seedClick, withKey(`${txPrefix}click-0001`));
    const other = await post('/click', seedClick, withKey(`${txPrefix}click-0002`));
    const badKey = await post('/click', seedClick, withKey('has spaces'));

    // Assess
    expect([first.status, resent.status, other.status]).toStrictEqual([202, 202, 202]);
    expect(resent.body!.event_id).toBe(first.body!.event_id);
    expect(other.body!.event_id).not.toBe(first.body!.event_id);
    expect([badKey.status, badKey.body!.code]).toStrictEqual([400, 'invalid_request']);
  });
});
