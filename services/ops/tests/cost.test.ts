import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import { PRICE_TABLE, type PricedUnit } from '@sdp/shared-cost';
import { cloudWatchUsage } from '../src/adapters/cloudWatchUsage.js';
import { buildCostReport, serviceOfScope } from '../src/domain/buildCostReport.js';

const from = new Date('2026-12-06T00:00:00.000Z');
const to = new Date('2026-12-06T01:00:00.000Z');
const allUnits = Object.keys(PRICE_TABLE.prices) as PricedUnit[];

describe('buildCostReport', () => {
  it('prices each unit and service as computed by hand, and per million ingested events', () => {
    // Prepare: $2 of HTTP API requests, $0.4 + $0.0002 of invocations, 100,000 GB-s = $1.66667,
    // 1 M payload units = $0.014, 800,000 WRU = $0.5, 8 M RRU = $1.
    const reading = {
      source: 'local-meter' as const,
      from,
      to,
      metered: allUnits.filter((unit) => !unit.startsWith('s3') && !unit.startsWith('athena')),
      byScope: {
        'sdp-ingest-local-putEvents': {
          apiGatewayHttpRequest: 2_000_000,
          lambdaRequest: 2_000_000,
          lambdaGbSecond: 100_000,
          kinesisPutPayloadUnit: 1_000_000,
        },
        'sdp-enrich-local-joinEvents': { lambdaRequest: 1_000, dynamoDbWriteRequestUnit: 800_000 },
        unattributed: { dynamoDbReadRequestUnit: 8_000_000 },
      },
    };

    // Act
    const report = buildCostReport(reading);

    // Assess
    expect(report).toStrictEqual({
      source: 'local-meter',
      from: '2026-12-06T00:00:00.000Z',
      to: '2026-12-06T01:00:00.000Z',
      prices: { as_of: PRICE_TABLE.asOf, region: 'us-east-1' },
      events_ingested: 1_000_000,
      total_usd: expect.closeTo(5.58087, 4),
      usd_per_million_events: expect.closeTo(5.58087, 4),
      units: [
        expect.objectContaining({ unit: 'apiGatewayHttpRequest', amount: 2_000_000, usd: expect.closeTo(2, 6) }),
        expect.objectContaining({ unit: 'dynamoDbReadRequestUnit', amount: 8_000_000, usd: expect.closeTo(1, 6) }),
        expect.objectContaining({ unit: 'dynamoDbWriteRequestUnit', amount: 800_000, usd: expect.closeTo(0.5, 6) }),
        expect.objectContaining({ unit: 'kinesisPutPayloadUnit', amount: 1_000_000, usd: expect.closeTo(0.014, 6) }),
        expect.objectContaining({ unit: 'lambdaGbSecond', amount: 100_000, usd: expect.closeTo(1.66667, 4) }),
        expect.objectContaining({
          unit: 'lambdaRequest',
          amount: 2_001_000,
          usd: expect.closeTo(0.4002, 6),
          source: 'https://aws.amazon.com/lambda/pricing/',
        }),
      ],
      services: [
        { service: 'ingest', usd: expect.closeTo(4.08067, 4), usage: reading.byScope['sdp-ingest-local-putEvents'] },
        { service: 'other', usd: expect.closeTo(1, 6), usage: { dynamoDbReadRequestUnit: 8_000_000 } },
        {
          service: 'enrich',
          usd: expect.closeTo(0.5002, 6),
          usage: { lambdaRequest: 1_000, dynamoDbWriteRequestUnit: 800_000 },
        },
      ],
      not_metered: allUnits.filter((unit) => unit.startsWith('s3') || unit.startsWith('athena')),
    });
  });

  it('has no price per event when no events were counted, and names what was not metered', () => {
    // Act
    const report = buildCostReport({
      source: 'local-meter',
      from,
      to,
      metered: ['lambdaRequest'],
      byScope: { 'sdp-report-local-getCampaign': { lambdaRequest: 10 } },
    });

    // Assess
    expect({
      events: report.events_ingested,
      perMillion: report.usd_per_million_events,
      notMetered: report.not_metered,
    }).toStrictEqual({
      events: 0,
      perMillion: null,
      notMetered: allUnits.filter((unit) => unit !== 'lambdaRequest'),
    });
  });

  it('tells a scope’s service by the platform’s naming', () => {
    expect(
      ['sdp-enrich-prod-joinEvents', 'sdp-sessions-local-sessions', 'unattributed'].map(serviceOfScope),
    ).toStrictEqual(['enrich', 'sessions', 'other']);
  });
});

describe('cloudWatchUsage', () => {
  /** A fake CloudWatch and Lambda holding a few metrics of two stages. */
  const fakes = () => {
    const metrics = [
      {
        Namespace: 'AWS/Lambda',
        MetricName: 'Invocations',
        Dimensions: [{ Name: 'FunctionName', Value: 'sdp-ingest-prod-putEvents' }],
      },
      {
        Namespace: 'AWS/Lambda',
        MetricName: 'Invocations',
        Dimensions: [
          { Name: 'FunctionName', Value: 'sdp-ingest-prod-putEvents' },
          { Name: 'Resource', Value: 'sdp-ingest-prod-putEvents:live' },
        ],
      },
      {
        Namespace: 'AWS/Lambda',
        MetricName: 'Invocations',
        Dimensions: [{ Name: 'FunctionName', Value: 'sdp-ingest-dev-putEvents' }],
      },
      {
        Namespace: 'AWS/Lambda',
        MetricName: 'Duration',
        Dimensions: [{ Name: 'FunctionName', Value: 'sdp-ingest-prod-putEvents' }],
      },
      {
        Namespace: 'AWS/DynamoDB',
        MetricName: 'ConsumedWriteCapacityUnits',
        Dimensions: [{ Name: 'TableName', Value: 'sdp-enrich-prod-join-state' }],
      },
      {
        Namespace: 'AWS/DynamoDB',
        MetricName: 'ConsumedWriteCapacityUnits',
        Dimensions: [
          { Name: 'TableName', Value: 'sdp-enrich-prod-join-state' },
          { Name: 'GlobalSecondaryIndexName', Value: 'ByCampaign' },
        ],
      },
      {
        Namespace: 'AWS/Kinesis',
        MetricName: 'IncomingRecords',
        Dimensions: [{ Name: 'StreamName', Value: 'sdp-ingest-prod-raw-events' }],
      },
      {
        Namespace: 'AWS/Kinesis',
        MetricName: 'IncomingRecords',
        Dimensions: [{ Name: 'StreamName', Value: 'someone-elses-stream' }],
      },
    ];
    const sums: Record<string, number[]> = {
      'Invocations sdp-ingest-prod-putEvents': [600, 400],
      'Duration sdp-ingest-prod-putEvents': [1_500, 500],
      'ConsumedWriteCapacityUnits sdp-enrich-prod-join-state': [3_000],
      'ConsumedWriteCapacityUnits sdp-enrich-prod-join-state ByCampaign': [1_000],
      'IncomingRecords sdp-ingest-prod-raw-events': [2_500],
    };
    const queried: { start: Date; end: Date; ids: string[] }[] = [];
    const cloudWatch = {
      send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
        if (command.constructor.name === 'ListMetricsCommand') {
          const { Namespace, MetricName } = command.input;
          return {
            Metrics: metrics.filter((metric) => metric.Namespace === Namespace && metric.MetricName === MetricName),
          };
        }
        const input = command.input as {
          MetricDataQueries: { Id: string; MetricStat: { Metric: (typeof metrics)[number] } }[];
          StartTime: Date;
          EndTime: Date;
        };
        queried.push({ start: input.StartTime, end: input.EndTime, ids: input.MetricDataQueries.map(({ Id }) => Id) });
        return {
          MetricDataResults: input.MetricDataQueries.map(({ Id, MetricStat: { Metric } }) => ({
            Id,
            Values: sums[[Metric.MetricName, ...Metric.Dimensions.map(({ Value }) => Value)].join(' ')] ?? [],
          })),
        };
      },
    } as unknown as CloudWatchClient;
    const lambda = {
      send: async () => ({
        Functions: [
          { FunctionName: 'sdp-ingest-prod-putEvents', MemorySize: 512 },
          { FunctionName: 'other-fn', MemorySize: 128 },
        ],
      }),
    } as unknown as LambdaClient;
    return { cloudWatch, lambda, queried };
  };

  it('sums the stage’s usage metrics per function, table (with its indexes) and stream over the last day', async () => {
    // Prepare
    const { cloudWatch, lambda, queried } = fakes();
    const now = new Date('2026-12-06T10:30:00.000Z');

    // Act
    const reading = await cloudWatchUsage({ cloudWatch, lambda, stage: 'prod', now: () => now })();

    // Assess
    expect(reading).toStrictEqual({
      source: 'cloudwatch',
      from: new Date('2026-12-05T10:00:00.000Z'),
      to: now,
      metered: [
        'lambdaRequest',
        'lambdaGbSecond',
        'dynamoDbWriteRequestUnit',
        'dynamoDbReadRequestUnit',
        'kinesisPutPayloadUnit',
      ],
      byScope: {
        // 2,000 ms at 512 MB = 1 GB-s
        'sdp-ingest-prod-putEvents': { lambdaRequest: 1_000, lambdaGbSecond: 1 },
        'sdp-enrich-prod-join-state': { dynamoDbWriteRequestUnit: 4_000 },
        'sdp-ingest-prod-raw-events': { kinesisPutPayloadUnit: 2_500 },
      },
    });
    expect(queried).toStrictEqual([
      { start: new Date('2026-12-05T10:00:00.000Z'), end: now, ids: ['m0', 'm1', 'm2', 'm3', 'm4'] },
    ]);
  });
});
