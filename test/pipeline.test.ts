import { startTestCloud } from './support/startTestCloud.js';
import { waitForIdlePipeline } from './support/waitForIdlePipeline.js';
import { seededRandom } from '@sdp/shared-runtime';
import { computeOracle, type AcceptedEvent, type Oracle, type OracleCounts } from './support/workload/computeOracle.js';
import { generateWorkload, type WorkloadEvent } from './support/workload/generateWorkload.js';
import { ORACLE_SETTINGS, oracleWorkload, SHORT_SESSION_PARAMS } from './support/workload/oracleScenario.js';
import { postWorkload } from './support/workload/postWorkload.js';
import { oracleWindows, readStoredWindows } from './support/workload/readStoredWindows.js';

/** A seeded tenth of the workload's events, in batches of 500 as a client would resend them. */
function tenthOf(batches: readonly WorkloadEvent[][], seed: number): WorkloadEvent[][] {
  const random = seededRandom(seed);
  const events = batches.flat().filter(() => random() < 0.1);
  return Array.from({ length: Math.ceil(events.length / 500) }, (_, i) => events.slice(i * 500, (i + 1) * 500));
}

describe('the streaming core against an independent oracle', () => {
  let cloud: Awaited<ReturnType<typeof startTestCloud>>;
  let oracle: Oracle;
  let lastReceivedAtMs: number;
  let resent: AcceptedEvent[];

  beforeAll(async () => {
    cloud = await startTestCloud(SHORT_SESSION_PARAMS);
    const batches = generateWorkload(oracleWorkload(20261122));
    const accepted = await postWorkload(cloud, batches);
    oracle = computeOracle(accepted, ORACLE_SETTINGS);
    // Then a seeded tenth of all events is sent again, as new items with new event ids: a client
    // retrying without an idempotency key. The first copy of each wins, so the oracle stays as it is.
    resent = await postWorkload(cloud, tenthOf(batches, 2026));
    lastReceivedAtMs = Math.max(...accepted.map(({ receivedAt }) => Date.parse(receivedAt)));
    // The hook's own budget, not waitForIdle's default: on a machine slowed by its neighbours the drain has taken over 6 minutes.
    await waitForIdlePipeline(cloud, { timeoutMs: 540_000 });
  }, 600_000);

  afterAll(async () => {
    await cloud?.dispose();
  }, 60_000);

  it('counts every campaign window exactly as the oracle', async () => {
    // Act
    const stored = await readStoredWindows(cloud.dynamoDbEndpoint);

    // Assess
    expect(stored).toStrictEqual(oracleWindows(oracle));
  });

  it('counts nothing of a tenth of all events sent again as new events after the workload', async () => {
    // Act
    const stored = await readStoredWindows(cloud.dynamoDbEndpoint);

    // Assess: about 5,000 resent events reached the stream, and the windows are still the oracle's
    expect(resent.length).toBeGreaterThan(4_500);
    expect(stored).toStrictEqual(oracleWindows(oracle));
  });

  it('reports every campaign total exactly as the oracle', async () => {
    // Prepare
    const expected = Object.entries(oracleWindows(oracle)).map(([campaign, windows]) => {
      const totals = Object.values(windows).reduce(
        (sum, w) => ({
          bids: sum.bids + w.bids,
          impressions: sum.impressions + w.impressions,
          clicks: sum.clicks + w.clicks,
          spend: sum.spend + w.spend,
        }),
        { bids: 0, impressions: 0, clicks: 0, spend: 0 },
      );
      return { campaign_item_id: Number(campaign), ...totals };
    });

    // Act
    const reported = await Promise.all(
      expected.map(async ({ campaign_item_id }) => {
        const body = (await (await cloud.fetch(`/reports/campaigns/${campaign_item_id}`)).json()) as Record<
          string,
          number
        >;
        return {
          campaign_item_id,
          bids: body.bids,
          impressions: body.impressions,
          clicks: body.clicks,
          spend: body.spend,
        };
      }),
    );

    // Assess
    expect(reported).toStrictEqual(expected);
  });

  it.each([
    ['minute', 'UTC', 0],
    ['hour', 'Asia/Kolkata', 330],
  ])('reports every campaign per %s in %s exactly as the oracle', async (period, timezone, offsetMinutes) => {
    // Prepare: the oracle's windows regrouped by hand; both zones have a fixed offset from UTC
    const bucketMs = period === 'minute' ? 60_000 : 3_600_000;
    const label = (windowStart: string) => {
      const local = Date.parse(windowStart) + offsetMinutes * 60_000;
      const start = new Date(Math.floor(local / bucketMs) * bucketMs).toISOString().slice(0, 19);
      return offsetMinutes === 0 ? `${start}+00:00` : `${start}+05:30`;
    };
    const expected = Object.entries(oracleWindows(oracle)).map(([campaign, windows]) => {
      const buckets = new Map<string, OracleCounts>();
      for (const [windowStart, counts] of Object.entries(windows)) {
        const bucket = buckets.get(label(windowStart)) ?? { bids: 0, impressions: 0, clicks: 0, spend: 0 };
        buckets.set(label(windowStart), {
          bids: bucket.bids + counts.bids,
          impressions: bucket.impressions + counts.impressions,
          clicks: bucket.clicks + counts.clicks,
          spend: bucket.spend + counts.spend,
        });
      }
      return [
        campaign,
        [...buckets].sort(([a], [b]) => a.localeCompare(b)).map(([start, counts]) => ({ period: start, ...counts })),
      ];
    });

    // Act
    const reported = await Promise.all(
      expected.map(async ([campaign]) => {
        const response = await cloud.fetch(
          `/reports/campaigns/${campaign}/period?period=${period}&timezone=${timezone}&desc=false`,
        );
        const body = (await response.json()) as { buckets: (OracleCounts & { period: string })[] };
        return [
          campaign,
          body.buckets.map(({ period: start, bids, impressions, clicks, spend }) => ({
            period: start,
            bids,
            impressions,
            clicks,
            spend,
          })),
        ];
      }),
    );

    // Assess
    expect(reported).toStrictEqual(expected);
  });

  it('counts orphan impressions and clicks exactly as the oracle, once their timeouts have passed', async () => {
    // Prepare: every session timeout (3 s) has passed for the last posted event
    const waitMs = lastReceivedAtMs + 4_000 - Date.now();
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const to = new Date(Date.now() + 60_000).toISOString();

    // Act
    const response = await cloud.fetch(`/orphans?from=${from}&to=${to}&limit=0`);
    const body = (await response.json()) as {
      impressions: { count: number; tx_ids: string[] };
      clicks: { count: number; tx_ids: string[] };
    };

    // Assess
    expect({ status: response.status, impressions: body.impressions, clicks: body.clicks }).toStrictEqual({
      status: 200,
      impressions: { count: oracle.orphanImpressions, tx_ids: [] },
      clicks: { count: oracle.orphanClicks, tx_ids: [] },
    });
  }, 30_000);
});
