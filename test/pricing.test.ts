import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
  ListStreamsCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { localDynamoDbClient, localDynamoDbStreamsClient } from '@sdp/local-cloud';
import { seedDemoCatalog } from '../tools/local/src/demo/seedDemoCatalog.js';
import { deployDemandModel, TREND_DEMAND_MODEL } from './support/deployDemandModel.js';
import { CLOUD_START_TIMEOUT_MS, startTestCloud, type OwnTestCloud } from './support/startTestCloud.js';
import { waitForIdlePipeline } from './support/waitForIdlePipeline.js';

const FEATURES_TABLE = 'sdp-pricing-local-demand-features';
const MAX_STEP_PERCENT = 5;
const MINUTE_MS = 60_000;
/** How long the demand model's endpoint is down in the outage test */
const MODEL_OUTAGE_MS = 60_000;
/** The plausibility cap of carts a minute this suite's pricing runs with (the legitimate spikes stay far below it) */
const MAX_CARTS_PER_MINUTE = 10;
/** The demand service's default cap of one shopper's signals of each kind per product window */
const SIGNALS_PER_SHOPPER = 5;

interface Product {
  product_id: string;
  price_cents: number;
  min_price_cents: number;
  max_price_cents: number;
  price_version?: number;
}
interface PriceHold {
  kind: string;
  reason: string;
  price_cents: number;
  wanted_price_cents: number;
  model_version: string;
  features: { views: number; carts: number };
}
interface PriceChange {
  old_price_cents: number;
  new_price_cents: number;
  change_percent: number;
  reason: string;
  model_version: string;
  surge_probability: number;
  features: {
    features_version: number;
    views: number;
    baseline_views: number;
    category: string;
    ordered_units: number;
  };
}

describe('dynamic pricing through the local cloud', () => {
  let cloud: OwnTestCloud;

  const getJson = async <T>(pathAndQuery: string) => {
    const response = await cloud.fetch(pathAndQuery);
    expect(response.status).toBe(200);
    return (await response.json()) as T;
  };
  const post = async (events: readonly unknown[]) => {
    for (let start = 0; start < events.length; start += 500) {
      const response = await cloud.fetch('/clickstream', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ events: events.slice(start, start + 500) }),
      });
      expect(response.status).toBe(200);
    }
  };
  /** Polls the lake until `sql`'s one number reaches `expected` (rows land about 2 s after their stream records). */
  const waitForLake = async (sql: string, expected: number) => {
    const deadline = Date.now() + 120_000;
    let seen = -1;
    while (Date.now() < deadline) {
      const response = await cloud.fetch('/query', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sql }),
      });
      seen = Number(((await response.json()) as { rows: { n: unknown }[] }).rows[0]?.n ?? -1);
      if (seen >= expected) return;
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
    throw new Error(`The lake answered ${seen} to ${sql}, not ${expected}, within 2 minutes`);
  };
  /** Every record the demand features table's stream holds, as Lambda's DynamoDB event source delivers them. */
  const featuresStreamEvent = async () => {
    const streams = localDynamoDbStreamsClient(cloud.dynamoDbEndpoint);
    const { Streams = [] } = await streams.send(new ListStreamsCommand({ TableName: FEATURES_TABLE }));
    const { StreamDescription } = await streams.send(new DescribeStreamCommand({ StreamArn: Streams[0]!.StreamArn! }));
    const records: unknown[] = [];
    for (const shard of StreamDescription?.Shards ?? []) {
      let { ShardIterator } = await streams.send(
        new GetShardIteratorCommand({
          StreamArn: Streams[0]!.StreamArn!,
          ShardId: shard.ShardId!,
          ShardIteratorType: 'TRIM_HORIZON',
        }),
      );
      for (let page = 0; ShardIterator && page < 100; page++) {
        const output = await streams.send(new GetRecordsCommand({ ShardIterator }));
        records.push(
          ...(output.Records ?? []).map((record) => ({
            ...record,
            eventSource: 'aws:dynamodb',
            eventSourceARN: Streams[0]!.StreamArn,
          })),
        );
        if ((output.Records ?? []).length === 0) break;
        ShardIterator = output.NextShardIterator;
      }
    }
    streams.destroy();
    return { Records: records };
  };

  beforeAll(async () => {
    // No cooldown: only the features version keeps a replayed change from applying twice. Short
    // horizons (5 min of recent demand, 30 of baseline) let the demand model learn from two hours.
    const horizons = { demandRecentMinutes: '5', demandBaselineMinutes: '30' };
    cloud = await startTestCloud({
      pricing: { ...horizons, priceCooldownMinutes: '0', demandMaxCartsPerMinute: String(MAX_CARTS_PER_MINUTE) },
      retrain: {
        ...horizons,
        demandMinTrainingRows: '300',
        demandRetrainSchedule: 'rate(7 days)',
        retrainSchedule: 'rate(7 days)',
      },
    });
    await seedDemoCatalog(localDynamoDbClient(cloud.dynamoDbEndpoint));
    await deployDemandModel(cloud);
  }, CLOUD_START_TIMEOUT_MS);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('raises a trending product within the guardrails, leaves a cold one, and says why', async () => {
    // Prepare: two hours of quiet browsing of both products, then a spike of views, carts and purchases of the hot one in the last 5 minutes
    const now = Date.now();
    const hotBefore = await getJson<Product>('/products/sku-001');
    const coldBefore = await getJson<Product>('/products/sku-002');
    const view = (user: string, at: number, product: string, event_name = 'detail', quantity?: number) => ({
      user_id: user,
      event_timestamp: Math.round(at),
      event_name,
      device_type: 'mobile',
      product_id: product,
      ...(quantity ? { quantity } : {}),
    });
    const quiet = Array.from({ length: 12 }, (_, i) => [
      view(`early-${i}`, now - (130 - i * 10) * MINUTE_MS, 'sku-001'),
      view(`early-${i}`, now - (129 - i * 10) * MINUTE_MS, 'sku-002'),
    ]).flat();
    const spike = Array.from({ length: 80 }, (_, i) => view(`fan-${i}`, now - 5 * MINUTE_MS + i * 3_500, 'sku-001'));
    const intent = Array.from({ length: 10 }, (_, i) => [
      view(`fan-${i}`, now - 4 * MINUTE_MS + i * 20_000, 'sku-001', 'add_to_cart', 1),
      view(`fan-${i}`, now - 4 * MINUTE_MS + i * 20_000 + 5_000, 'sku-001', 'purchase', 1),
    ]).flat();

    // Act: the spike arrives in three parts, each seen by the pricing before the next
    await post(quiet);
    await waitForIdlePipeline(cloud);
    const trending = [...spike, ...intent];
    for (let part = 0; part < 3; part++) {
      await post(trending.filter((_, i) => i % 3 === part));
      await waitForIdlePipeline(cloud);
    }
    await post([view('late-browser', now - 5 * MINUTE_MS, 'sku-002')]);
    await waitForIdlePipeline(cloud);

    // Assess
    const hot = await getJson<Product>('/products/sku-001');
    const cold = await getJson<Product>('/products/sku-002');
    const { changes, holds } = await getJson<{ changes: PriceChange[]; holds: PriceHold[] }>(
      '/products/sku-001/price-history',
    );
    const coldHistory = await getJson<{ changes: PriceChange[] }>('/products/sku-002/price-history');
    expect(hot.price_cents).toBeGreaterThan(hotBefore.price_cents);
    expect(hot.price_cents).toBeLessThanOrEqual(hot.max_price_cents);
    expect(changes.length).toBeGreaterThan(1);
    expect(holds).toStrictEqual([]);
    expect(hot.price_version).toBe(changes.length);
    for (const change of changes) {
      expect(change).toMatchObject({
        model_version: TREND_DEMAND_MODEL.version,
        reason: expect.stringMatching(/^surge: demand surge probability /),
      });
      expect(change.new_price_cents).toBeGreaterThan(change.old_price_cents);
      expect(change.new_price_cents).toBeLessThanOrEqual(
        Math.round(change.old_price_cents * (1 + MAX_STEP_PERCENT / 100)),
      );
      expect(change.surge_probability).toBeGreaterThanOrEqual(0.6);
      expect(change.features).toMatchObject({ category: expect.any(String), ordered_units: expect.any(Number) });
    }
    // The changes chain: each starts from the price the one before set, newest first.
    expect(changes.map((c) => c.old_price_cents).slice(0, -1)).toStrictEqual(
      changes.map((c) => c.new_price_cents).slice(1),
    );
    expect(changes.at(-1)!.old_price_cents).toBe(hotBefore.price_cents);
    expect(changes[0]!.new_price_cents).toBe(hot.price_cents);
    expect(changes[0]!.features.views).toBeGreaterThan(changes[0]!.features.baseline_views * 5);
    expect({ price: cold.price_cents, version: cold.price_version, changes: coldHistory.changes }).toStrictEqual({
      price: coldBefore.price_cents,
      version: undefined,
      changes: [],
    });

    // A replay of the whole demand features stream applies nothing again.
    const replay = await featuresStreamEvent();
    const answer = (await cloud.pools.get('sdp-pricing-local-adjustPrices')!.invoke(replay)) as {
      batchItemFailures: unknown[];
    };
    expect(replay.Records.length).toBeGreaterThan(changes.length);
    expect(answer).toStrictEqual({ batchItemFailures: [] });
    expect((await getJson<Product>('/products/sku-001')).price_cents).toBe(hot.price_cents);
    expect((await getJson<{ changes: PriceChange[] }>('/products/sku-001/price-history')).changes).toStrictEqual(
      changes,
    );
  }, 600_000);

  it('holds the price that fabricated carts or one hammering shopper would move, and says why', async () => {
    // Prepare: sku-023 browsed steadily for 35 minutes, 3 views and a cart a minute, each by a shopper of
    // its own (the baseline goes first, so no partial count of it looks like a surge)
    const now = Date.now();
    const event = (user: string, at: number, product: string, event_name = 'detail') => ({
      user_id: user,
      event_timestamp: Math.round(at),
      event_name,
      device_type: 'desktop',
      product_id: product,
      ...(event_name === 'add_to_cart' ? { quantity: 1 } : {}),
    });
    const steadyMinute = (minutesAgo: number) => {
      const start = now - minutesAgo * MINUTE_MS;
      return [
        ...[0, 1, 2].map((k) => event(`regular-${minutesAgo}-${k}`, start + k * 10_000, 'sku-023')),
        event(`regular-${minutesAgo}-0`, start + 40_000, 'sku-023', 'add_to_cart'),
      ];
    };
    const baseline = Array.from({ length: 30 }, (_, i) => steadyMinute(35 - i)).flat();
    const recent = Array.from({ length: 5 }, (_, i) => steadyMinute(5 - i)).flat();
    // 60 made-up shoppers add sku-021 to the cart once each, without a view; one shopper views sku-023 and
    // adds it to the cart 300 times within one product window
    const fabricated = Array.from({ length: 60 }, (_, i) =>
      event(`bot-${i}`, now - 2 * MINUTE_MS + i * 1_000, 'sku-021', 'add_to_cart'),
    );
    const hammerWindow = Math.floor((now - 3 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
    const hammer = [
      event('hammer', hammerWindow + 500, 'sku-023'),
      ...Array.from({ length: 300 }, (_, i) =>
        event('hammer', hammerWindow + 1_000 + i * 100, 'sku-023', 'add_to_cart'),
      ),
    ];
    const [fabricatedBefore, hammeredBefore] = [
      await getJson<Product>('/products/sku-021'),
      await getJson<Product>('/products/sku-023'),
    ];

    // Act
    await post(baseline);
    await waitForIdlePipeline(cloud);
    await post([...recent, ...fabricated, ...hammer]);
    await waitForIdlePipeline(cloud);

    // Assess: neither price moved; the held move on the fabricated carts names its caps and numbers
    const fabricatedHistory = await getJson<{ changes: PriceChange[]; holds: PriceHold[] }>(
      '/products/sku-021/price-history',
    );
    const hammeredHistory = await getJson<{ changes: PriceChange[]; holds: PriceHold[] }>(
      '/products/sku-023/price-history',
    );
    expect((await getJson<Product>('/products/sku-021')).price_cents).toBe(fabricatedBefore.price_cents);
    expect((await getJson<Product>('/products/sku-023')).price_cents).toBe(hammeredBefore.price_cents);
    expect({ fabricated: fabricatedHistory.changes, hammered: hammeredHistory }).toStrictEqual({
      fabricated: [],
      hammered: { product_id: 'sku-023', changes: [], holds: [] },
    });
    expect(fabricatedHistory.holds.length).toBeGreaterThan(0);
    for (const hold of fabricatedHistory.holds) {
      expect(hold).toMatchObject({
        kind: 'implausible_demand',
        price_cents: fabricatedBefore.price_cents,
        model_version: TREND_DEMAND_MODEL.version,
        features: { views: 0 },
      });
      expect(hold.wanted_price_cents).toBeGreaterThan(hold.price_cents);
    }
    expect(fabricatedHistory.holds[0]!.features.carts).toBe(60);
    expect(fabricatedHistory.holds[0]!.reason).toMatch(
      new RegExp(
        `^implausible demand: 60 carts in the last 5 min, 12\\.0 a minute, above the cap of ${MAX_CARTS_PER_MINUTE} a minute; ` +
          '60 carts against 0 views in the last 5 min, above the cap of 1 per view; not applied: surge: demand surge probability ',
      ),
    );
    // The hammering shopper's 300 carts count as at most the cap per instance of the demand counter that saw them
    const inWindow = (events: { event_timestamp: number; event_name: string }[], name: string) =>
      events.filter(
        (e) =>
          e.event_name === name && e.event_timestamp >= hammerWindow && e.event_timestamp < hammerWindow + MINUTE_MS,
      ).length;
    const steady = [...baseline, ...recent];
    const range = `from=${new Date(hammerWindow).toISOString()}&to=${new Date(hammerWindow + MINUTE_MS).toISOString()}`;
    const { totals } = await getJson<{ totals: { views: number; carts: number } }>(
      `/reports/products/sku-023?period=minute&${range}`,
    );
    const counters = cloud.pools.get('sdp-demand-local-countProductDemand')!.size;
    expect(totals.views - inWindow(steady, 'detail')).toBe(1);
    expect(totals.carts - inWindow(steady, 'add_to_cart')).toBeGreaterThanOrEqual(SIGNALS_PER_SHOPPER);
    expect(totals.carts - inWindow(steady, 'add_to_cart')).toBeLessThanOrEqual(SIGNALS_PER_SHOPPER * counters);
  }, 300_000);

  it('decides the price once the model endpoint is back after a minute down, and sets nothing aside', async () => {
    // Prepare: the same quiet then trending demand as above, for another product, trending while the endpoint is down
    const now = Date.now();
    const before = await getJson<Product>('/products/sku-007');
    const view = (user: string, at: number, event_name = 'detail', quantity?: number) => ({
      user_id: user,
      event_timestamp: Math.round(at),
      event_name,
      device_type: 'desktop',
      product_id: 'sku-007',
      ...(quantity ? { quantity } : {}),
    });
    const quiet = Array.from({ length: 12 }, (_, i) => view(`calm-${i}`, now - (130 - i * 10) * MINUTE_MS));
    const trending = [
      ...Array.from({ length: 80 }, (_, i) => view(`rush-${i}`, now - 5 * MINUTE_MS + i * 3_500)),
      ...Array.from({ length: 10 }, (_, i) => [
        view(`rush-${i}`, now - 4 * MINUTE_MS + i * 20_000, 'add_to_cart', 1),
        view(`rush-${i}`, now - 4 * MINUTE_MS + i * 20_000 + 5_000, 'purchase', 1),
      ]).flat(),
    ];
    await post(quiet);
    await waitForIdlePipeline(cloud);
    const refusedBefore = cloud.sageMaker.refusedInvocations;

    // Act
    const down = Date.now();
    cloud.sageMaker.refuseInvocations(MODEL_OUTAGE_MS);
    await post(trending);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, down + MODEL_OUTAGE_MS - Date.now())));
    await waitForIdlePipeline(cloud);

    // Assess
    const after = await getJson<Product>('/products/sku-007');
    const { changes } = await getJson<{ changes: PriceChange[] }>('/products/sku-007/price-history');
    const failed = await getJson<{ failed: number; retrying: number; by_function: { function_name: string }[] }>(
      '/reports/failed-events',
    );
    expect(cloud.sageMaker.refusedInvocations - refusedBefore).toBeGreaterThan(3);
    expect(after.price_cents).toBeGreaterThan(before.price_cents);
    expect(after.price_cents).toBeLessThanOrEqual(after.max_price_cents);
    expect(after.price_version).toBe(changes.length);
    expect(changes.at(-1)!.old_price_cents).toBe(before.price_cents);
    expect(changes[0]!.new_price_cents).toBe(after.price_cents);
    for (const change of changes)
      expect(change).toMatchObject({
        model_version: TREND_DEMAND_MODEL.version,
        reason: expect.stringMatching(/^surge: /),
      });
    expect(failed).toMatchObject({ failed: 0, retrying: 0, by_function: [] });
  }, 600_000);

  it('retrains the demand model from the lake’s product windows, promotes it, and prices with it', async () => {
    // Prepare: two hours of ten products browsed once a minute; five of them surge to 8 views a minute
    // for 25 minutes in every 50, each at its own time, so every stretch of time has surges and calm
    const now = Date.now();
    const click = (user: string, at: number, product: string) => ({
      user_id: user,
      event_timestamp: Math.round(at),
      event_name: 'detail',
      device_type: 'desktop',
      product_id: product,
    });
    const history: unknown[] = [];
    for (let p = 11; p <= 20; p++) {
      for (let minute = 120; minute > 0; minute--) {
        const surging = p <= 15 && (minute + (p - 11) * 10) % 50 < 25;
        for (let v = 0; v < (surging ? 8 : 1); v++)
          history.push(click(`browser-${p}-${minute}-${v}`, now - minute * MINUTE_MS + v * 6_000, `sku-0${p}`));
      }
    }
    await post(history);
    await waitForIdlePipeline(cloud);
    // Every one of those 1,200 product windows is in the lake before the training reads it.
    await waitForLake(
      "SELECT count(*) AS n FROM product_windows WHERE product_id BETWEEN 'sku-011' AND 'sku-020'",
      1_200,
    );

    // Act
    const retrain = cloud.pools.get('sdp-retrain-local-retrainDemandModel')!;
    const trained = (await retrain.invoke({})) as { status: string; version: string; decision: string; reason: string };
    const control = (await retrain.invoke({ shuffleLabels: true })) as {
      status: string;
      decision: string;
      reason: string;
    };
    // A product that starts trending now, priced by the model just trained
    const quietThenSpike = [
      ...Array.from({ length: 8 }, (_, i) => click(`early-buyer-${i}`, now - (40 - i * 5) * MINUTE_MS, 'sku-003')),
      ...Array.from({ length: 40 }, (_, i) => click(`fan-3-${i}`, now - 4 * MINUTE_MS + i * 5_000, 'sku-003')),
    ];
    await post(quietThenSpike);
    await waitForIdlePipeline(cloud);

    // Assess
    expect(trained).toMatchObject({ status: 'trained', decision: 'promoted' });
    expect(control).toMatchObject({ status: 'trained', decision: 'rejected' });
    const registry = await getJson<{
      live_version: string;
      models: { version: string; live: boolean; decision: string; training: { labels: string } }[];
    }>('/models?model=demand');
    expect(registry.live_version).toBe(trained.version);
    expect(registry.models.map((m) => [m.decision, m.training.labels, m.live]).sort()).toStrictEqual([
      ['promoted', 'observed', true],
      ['rejected', 'shuffled', false],
    ]);
    expect((await cloud.fetch('/models?model=pricing')).status).toBe(400);
    const { changes } = await getJson<{ changes: PriceChange[] }>('/products/sku-003/price-history');
    expect(changes.length).toBeGreaterThan(0);
    expect(
      changes.every(
        (change) => change.model_version === trained.version && change.new_price_cents > change.old_price_cents,
      ),
    ).toBe(true);
  }, 600_000);

  it('answers a bad price history request with 400 naming what to fix', async () => {
    // Act
    const response = await cloud.fetch('/products/sku-001/price-history?limit=0');

    // Assess
    expect({
      status: response.status,
      ...((await response.json()) as { code: string; message: string }),
    }).toMatchObject({ status: 400, code: 'invalid_request', message: expect.stringContaining('limit') });
  }, 60_000);
});
