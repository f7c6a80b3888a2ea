/**
 * `npm run bench:cost`: what the platform would cost on AWS, per million events, from what the local
 * cloud's meter counted while it processed a standard workload (AWS's own units: HTTP API requests,
 * Lambda invocations and billed GB-seconds, DynamoDB read and write request units, Kinesis PUT
 * payload units), priced with the
 * dated table in shared/cost/src/priceTable.ts.
 *
 * 1. Ad events: the seed funnel (bid → impression → click on one `tx_id`) as a seeded workload with
 *    copies, disorder and orphans through `POST /events` in batches of 500, plus single events through
 *    `POST /bid`, `/impression` and `/click`; then until the pipeline is idle.
 * 2. Clickstream: a seeded shop clickstream through `POST /clickstream` in batches; then until idle.
 *
 * For each: units and $ per million events by service and in total, DynamoDB on demand and
 * provisioned (capacity for a sustained 1,000 events/s at 70 % utilisation) side by side, and the
 * fixed monthly floor (Kinesis shards, model endpoints). Lambda's GB-seconds are durations measured
 * on this machine, an upper bound for Lambda's faster cores. S3 requests and Athena's bytes scanned
 * are not metered yet. Runs on loopback and stops by itself.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DescribeStreamSummaryCommand, ListStreamsCommand } from '@aws-sdk/client-kinesis';
import { localKinesisClient, parseScheduleExpression, type UsageSnapshot } from '@sdp/local-cloud';
import { PRICE_TABLE, priceUsage, type PricedUnit, type Usage } from '@sdp/shared-cost';
import { generateClickstream } from '../fixtures/clickstream/generateClickstream.ts';
import { generateWorkload } from '../test/support/workload/generateWorkload.ts';
import { postWorkload } from '../test/support/workload/postWorkload.ts';
import { round } from './lib/statistics.ts';
import { writeBenchResults } from './lib/writeBenchResults.ts';
import { startPlatformCloud } from '../tools/local/src/startPlatformCloud.ts';

const AD_EVENTS = 20_000;
const SINGLE_FUNNELS = 100;
const SHOP_USERS = 400;
const CLICKSTREAM_BATCH = 500;
const SUSTAINED_EVENTS_PER_SECOND = 1_000;
const PROVISIONED_UTILISATION = 0.7;
const HOURS_PER_MONTH = 730;
/** Real-time endpoints the platform keeps once models are live: the bid-win model and the demand model. */
const MODEL_ENDPOINTS = 2;

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sdp-bench-cost-'));
const cloud = await startPlatformCloud({ dataDir, port: 0, dynamoDbInMemory: true, meterRequests: true });
const serviceOf = new Map(cloud.project.functions.map((fn) => [fn.name, fn.service]));
const post = (route: string, body: unknown) =>
  fetch(`${cloud.url}${route}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-key': cloud.apiKey },
    body: JSON.stringify(body),
  });

/** Units per event by service, between two snapshots of the meter. */
function unitsPerEvent(before: UsageSnapshot, after: UsageSnapshot, events: number): Record<string, Usage> {
  const byService: Record<string, Partial<Record<PricedUnit, number>>> = {};
  for (const [scope, usage] of Object.entries(after.byScope)) {
    const service = serviceOf.get(scope) ?? scope;
    for (const [unit, amount] of Object.entries(usage) as [PricedUnit, number][]) {
      const delta = amount - (before.byScope[scope]?.[unit] ?? 0);
      if (delta <= 0) continue;
      const entry = (byService[service] ??= {});
      entry[unit] = (entry[unit] ?? 0) + delta / events;
    }
  }
  return byService;
}

const scaled = (usage: Usage, factor: number): Usage =>
  Object.fromEntries(Object.entries(usage).map(([unit, amount]) => [unit, amount * factor]));
const sumUsage = (usages: Usage[]): Usage => {
  const total: Partial<Record<PricedUnit, number>> = {};
  for (const usage of usages)
    for (const [unit, amount] of Object.entries(usage) as [PricedUnit, number][])
      total[unit] = (total[unit] ?? 0) + amount;
  return total;
};

/** $ per million events: on demand, and with DynamoDB provisioned for a sustained rate instead. */
function pricePerMillion(perEvent: Record<string, Usage>) {
  const byService = Object.fromEntries(
    Object.entries(perEvent).map(([service, usage]) => [service, round(priceUsage(scaled(usage, 1e6)).totalUsd, 4)]),
  );
  const total = sumUsage(Object.values(perEvent));
  const onDemand = priceUsage(scaled(total, 1e6));
  const { dynamoDbWriteRequestUnit = 0, dynamoDbReadRequestUnit = 0, ...rest } = total;
  const eventsPerHour = SUSTAINED_EVENTS_PER_SECOND * 3600;
  const capacityUsdPerHour =
    ((dynamoDbWriteRequestUnit * SUSTAINED_EVENTS_PER_SECOND) / PROVISIONED_UTILISATION) *
      PRICE_TABLE.prices.dynamoDbWriteCapacityUnitHour.usdPerUnit +
    ((dynamoDbReadRequestUnit * SUSTAINED_EVENTS_PER_SECOND) / PROVISIONED_UTILISATION) *
      PRICE_TABLE.prices.dynamoDbReadCapacityUnitHour.usdPerUnit;
  const provisionedDynamoDb = (capacityUsdPerHour / eventsPerHour) * 1e6;
  return {
    unitsPerEvent: Object.fromEntries(Object.entries(total).map(([unit, amount]) => [unit, round(amount, 4)])),
    usdPerMillionByService: byService,
    usdPerMillionByUnit: Object.fromEntries(
      Object.entries(onDemand.byUnit).map(([unit, usd]) => [unit, round(usd, 4)]),
    ),
    usdPerMillionOnDemand: round(onDemand.totalUsd, 4),
    usdPerMillionWithProvisionedDynamoDb: round(priceUsage(scaled(rest, 1e6)).totalUsd + provisionedDynamoDb, 4),
  };
}

/**
 * The scheduled functions' invocations in a month, and their price: a request each, plus the
 * GB-seconds an invocation of that function took on average here (none when it did not run).
 */
function scheduledInvocationsPerMonth(snapshot: UsageSnapshot): { invocations: number; usd: number } {
  const monthStart = new Date('2026-01-01T00:00:00.000Z');
  const monthEnd = new Date(monthStart.getTime() + HOURS_PER_MONTH * 3_600_000);
  let invocations = 0;
  let usd = 0;
  for (const fn of cloud.project.functions) {
    for (const { rule } of fn.schedules) {
      const next = parseScheduleExpression(rule);
      let fires = 0;
      for (let at = next(monthStart); at < monthEnd; at = next(at)) fires++;
      const { lambdaRequest = 0, lambdaGbSecond = 0 } = snapshot.byScope[fn.name] ?? {};
      const gbSecondsEach = lambdaRequest > 0 ? lambdaGbSecond / lambdaRequest : 0;
      invocations += fires;
      usd += priceUsage({ lambdaRequest: fires, lambdaGbSecond: fires * gbSecondsEach }).totalUsd;
    }
  }
  return { invocations, usd };
}

try {
  await cloud.waitForIdle();
  console.log(
    `Local cloud up at ${cloud.url}; posting ${AD_EVENTS} ad events in batches and ${SINGLE_FUNNELS} single funnels…`,
  );
  const adBefore = cloud.meter.snapshot();
  const batches = generateWorkload({
    seed: 21,
    events: AD_EVENTS,
    campaigns: 32,
    duplicateRate: 0.05,
    disorderRate: 0.1,
    lateRate: 0.05,
    orphanImpressionRate: 0.02,
    orphanClickRate: 0.01,
  });
  const accepted = await postWorkload({ url: cloud.url, apiKey: cloud.apiKey }, batches);
  for (let funnel = 0; funnel < SINGLE_FUNNELS; funnel++) {
    const txId = `cost-single-${funnel}`;
    await post('/bid', {
      tx_id: txId,
      app_uid: `cost-user-${funnel}`,
      campaign_item_id: 1463517,
      domain: 'www.google.com',
      creative_id: 'c1',
      creative_category: 'testCreativeCategory',
    });
    await post('/impression', { tx_id: txId, win_price: 1 });
    await post('/click', { tx_id: txId });
  }
  await cloud.waitForIdle();
  const adEvents = accepted.length + 3 * SINGLE_FUNNELS;
  const ad = pricePerMillion(unitsPerEvent(adBefore, cloud.meter.snapshot(), adEvents));

  const clickBefore = cloud.meter.snapshot();
  const { arrivals } = generateClickstream({
    users: SHOP_USERS,
    seed: 31,
    gapMs: 10_000,
    startMs: Date.now() - 20 * 60_000,
    userPrefix: 'cost-shopper-',
  });
  console.log(`Posting ${arrivals.length} clickstream events…`);
  for (let start = 0; start < arrivals.length; start += CLICKSTREAM_BATCH) {
    const response = await post('/clickstream', { events: arrivals.slice(start, start + CLICKSTREAM_BATCH) });
    if (response.status !== 200)
      throw new Error(`POST /clickstream answered ${response.status}: ${await response.text()}`);
  }
  await cloud.waitForIdle();
  const clickstream = pricePerMillion(unitsPerEvent(clickBefore, cloud.meter.snapshot(), arrivals.length));

  const kinesis = localKinesisClient(cloud.kinesisEndpoint);
  const { StreamNames = [] } = await kinesis.send(new ListStreamsCommand({}));
  const summaries = await Promise.all(
    StreamNames.map((StreamName) => kinesis.send(new DescribeStreamSummaryCommand({ StreamName }))),
  );
  const shards = summaries.reduce(
    (sum, { StreamDescriptionSummary }) => sum + (StreamDescriptionSummary?.OpenShardCount ?? 0),
    0,
  );
  kinesis.destroy();
  const schedules = scheduledInvocationsPerMonth(cloud.meter.snapshot());
  const floor = {
    scheduledInvocationsPerMonth: schedules.invocations,
    schedulesUsdPerMonth: round(schedules.usd, 2),
    kinesisShards: shards,
    kinesisUsdPerMonth: round(shards * HOURS_PER_MONTH * PRICE_TABLE.prices.kinesisShardHour.usdPerUnit, 2),
    modelEndpoints: MODEL_ENDPOINTS,
    modelEndpointsUsdPerMonth: round(
      MODEL_ENDPOINTS * HOURS_PER_MONTH * PRICE_TABLE.prices.sageMakerInstanceHour.usdPerUnit,
      2,
    ),
  };
  const results = {
    measuredAt: new Date().toISOString(),
    prices: { asOf: PRICE_TABLE.asOf, region: PRICE_TABLE.region },
    workload: { adEvents, clickstreamEvents: arrivals.length },
    adEvents: ad,
    clickstreamEvents: clickstream,
    fixedMonthlyFloor: floor,
    notMetered: ['S3 requests and storage', 'Athena bytes scanned'],
  };
  const line = (label: string, priced: typeof ad) =>
    `${label}: $${priced.usdPerMillionOnDemand} per million on demand ($${priced.usdPerMillionWithProvisionedDynamoDb} with DynamoDB provisioned for ${SUSTAINED_EVENTS_PER_SECOND}/s); ` +
    `per event ${JSON.stringify(priced.unitsPerEvent)}; by service ${JSON.stringify(priced.usdPerMillionByService)}`;
  console.log(line('Ad events', ad));
  console.log(line('Clickstream events', clickstream));
  console.log(
    `Fixed monthly floor: ${shards} Kinesis shards $${floor.kinesisUsdPerMonth}, ${MODEL_ENDPOINTS} model endpoints $${floor.modelEndpointsUsdPerMonth}, ` +
      `${floor.scheduledInvocationsPerMonth} scheduled invocations $${floor.schedulesUsdPerMonth}`,
  );
  const table = (label: string, priced: typeof ad) => [
    `### ${label}`,
    '',
    `**$${priced.usdPerMillionOnDemand} per million** on demand; $${priced.usdPerMillionWithProvisionedDynamoDb} with DynamoDB provisioned for a sustained ${SUSTAINED_EVENTS_PER_SECOND} events/s at ${PROVISIONED_UTILISATION * 100} % utilisation.`,
    '',
    '| unit | per event | $ per million events |',
    '| --- | ---: | ---: |',
    ...Object.entries(priced.unitsPerEvent).map(
      ([unit, amount]) => `| ${unit} | ${amount} | ${priced.usdPerMillionByUnit[unit] ?? 0} |`,
    ),
    '',
    '| service | $ per million events |',
    '| --- | ---: |',
    ...Object.entries(priced.usdPerMillionByService).map(([service, usd]) => `| ${service} | ${usd} |`),
    '',
  ];
  const markdown = [
    `# Cost benchmark, ${results.measuredAt}`,
    '',
    `us-east-1 list prices of ${PRICE_TABLE.asOf} (shared/cost/src/priceTable.ts). Workload: ${adEvents} ad events (seed funnel, ${SINGLE_FUNNELS * 3} of them single), ${arrivals.length} clickstream events of ${SHOP_USERS} shoppers. Lambda GB-seconds are durations on this machine. Not metered yet: ${results.notMetered.join(', ')}.`,
    '',
    ...table('Ad events', ad),
    ...table('Clickstream events', clickstream),
    '### Fixed monthly floor',
    '',
    `${shards} Kinesis shards: $${floor.kinesisUsdPerMonth}; ${MODEL_ENDPOINTS} model endpoints (ml.m5.large): $${floor.modelEndpointsUsdPerMonth}; ` +
      `${floor.scheduledInvocationsPerMonth} scheduled invocations (compaction, retraining; at the GB-seconds they took here): $${floor.schedulesUsdPerMonth}.`,
    '',
  ].join('\n');
  const files = await writeBenchResults('cost', results, markdown);
  console.log(`Wrote ${files.map((file) => path.relative(process.cwd(), file)).join(', ')}`);
} finally {
  await cloud.stop();
  await rm(dataDir, { recursive: true, force: true });
}
