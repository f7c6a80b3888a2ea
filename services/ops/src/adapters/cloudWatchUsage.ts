import {
  GetMetricDataCommand,
  ListMetricsCommand,
  type CloudWatchClient,
  type Dimension,
  type Metric,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import { ListFunctionsCommand, type LambdaClient } from '@aws-sdk/client-lambda';
import { lambdaGbSeconds, type PricedUnit, type Usage } from '@sdp/shared-cost';
import type { ReadUsage } from '../domain/types.js';

/** A CloudWatch metric that measures a priced unit, per the resource named by `scopeDimension`. */
interface UsageMetric {
  namespace: string;
  metricName: string;
  scopeDimension: string;
  /** Other dimension sets that count too (a table's global secondary indexes are billed on their own) */
  alsoDimensions?: string[];
  unit: PricedUnit;
}

/**
 * What CloudWatch measures of the priced units, for free and without opt-in. HTTP APIs are named by
 * id there, not by service, and S3 request metrics need a paid opt-in, so neither is read.
 * Kinesis bills a payload unit per started 25 KB of a record; the platform's events are far
 * smaller, so incoming records are payload units.
 */
export const USAGE_METRICS: readonly UsageMetric[] = [
  { namespace: 'AWS/Lambda', metricName: 'Invocations', scopeDimension: 'FunctionName', unit: 'lambdaRequest' },
  { namespace: 'AWS/Lambda', metricName: 'Duration', scopeDimension: 'FunctionName', unit: 'lambdaGbSecond' },
  {
    namespace: 'AWS/DynamoDB',
    metricName: 'ConsumedWriteCapacityUnits',
    scopeDimension: 'TableName',
    alsoDimensions: ['GlobalSecondaryIndexName'],
    unit: 'dynamoDbWriteRequestUnit',
  },
  {
    namespace: 'AWS/DynamoDB',
    metricName: 'ConsumedReadCapacityUnits',
    scopeDimension: 'TableName',
    alsoDimensions: ['GlobalSecondaryIndexName'],
    unit: 'dynamoDbReadRequestUnit',
  },
  {
    namespace: 'AWS/Kinesis',
    metricName: 'IncomingRecords',
    scopeDimension: 'StreamName',
    unit: 'kinesisPutPayloadUnit',
  },
];

const HOUR_MS = 3_600_000;
/** GetMetricData takes at most 500 queries per call. */
const QUERIES_PER_CALL = 500;

export interface CloudWatchUsageOptions {
  cloudWatch: CloudWatchClient;
  lambda: LambdaClient;
  /** The deployment stage whose resources are read (`sdp-<service>-<stage>-…`) */
  stage: string;
  /** How far back (default 24 hours, whole hours) */
  hours?: number;
  now?: () => Date;
}

/**
 * The stage's usage over the last hours, from CloudWatch's usage metrics: Lambda invocations and
 * durations (billed GB-seconds from each function's memory), DynamoDB consumed capacity per table
 * and index (request units, on demand), Kinesis incoming records.
 *
 * @example
 * const readUsage = cloudWatchUsage({ cloudWatch: new CloudWatchClient({}), lambda: new LambdaClient({}), stage: 'prod' });
 * const { byScope } = await readUsage(); // { 'sdp-enrich-prod-joinEvents': { lambdaRequest: 1200, … }, … }
 */
export function cloudWatchUsage({
  cloudWatch,
  lambda,
  stage,
  hours = 24,
  now = () => new Date(),
}: CloudWatchUsageOptions): ReadUsage {
  const ownName = new RegExp(`^sdp-[a-z0-9]+-${stage.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-`);
  return async () => {
    const to = now();
    const from = new Date(Math.floor((to.getTime() - hours * HOUR_MS) / HOUR_MS) * HOUR_MS);
    const series = (await Promise.all(USAGE_METRICS.map((usage) => listSeries(cloudWatch, usage, ownName)))).flat();
    const sums = await sumSeries(cloudWatch, series, from, to);
    const memoryMb = await functionMemory(lambda, ownName);
    return {
      source: 'cloudwatch',
      from,
      to,
      metered: [...new Set(USAGE_METRICS.map(({ unit }) => unit))],
      byScope: usageByScope(
        series.map(({ scope, usage }, index) => ({ scope, usage, sum: sums[index] ?? 0 })),
        memoryMb,
      ),
    };
  };
}

interface Series {
  scope: string;
  usage: UsageMetric;
  metric: Metric;
}

/**
 * Usage per scope from each series' sum over the window. A function's GB-seconds are its summed
 * duration times its memory (Lambda rounds each invocation up to the millisecond; the sum of
 * durations is within a millisecond per invocation of that).
 *
 * @example
 * usageByScope([{ scope: 'sdp-ingest-prod-putEvent', usage: durationMetric, sum: 2_000 }], new Map([['sdp-ingest-prod-putEvent', 512]]))
 * // { 'sdp-ingest-prod-putEvent': { lambdaGbSecond: 1 } }
 */
export function usageByScope(
  sums: { scope: string; usage: UsageMetric; sum: number }[],
  memoryMb: ReadonlyMap<string, number>,
): Record<string, Usage> {
  const byScope: Record<string, Usage> = {};
  for (const { scope, usage, sum } of sums) {
    const amount = usage.unit === 'lambdaGbSecond' ? lambdaGbSeconds(memoryMb.get(scope) ?? 0, sum) : sum;
    if (!(amount > 0)) continue;
    const entry = (byScope[scope] ??= {});
    entry[usage.unit] = (entry[usage.unit] ?? 0) + amount;
  }
  return byScope;
}

async function listSeries(cloudWatch: CloudWatchClient, usage: UsageMetric, ownName: RegExp): Promise<Series[]> {
  const series: Series[] = [];
  let NextToken: string | undefined;
  do {
    const page = await cloudWatch.send(
      new ListMetricsCommand({ Namespace: usage.namespace, MetricName: usage.metricName, NextToken }),
    );
    for (const metric of page.Metrics ?? []) {
      const scope = scopeOf(metric.Dimensions ?? [], usage);
      if (scope !== undefined && ownName.test(scope)) series.push({ scope, usage, metric });
    }
    NextToken = page.NextToken;
  } while (NextToken);
  return series;
}

/** The resource a metric is about, when its dimensions are exactly the scope (and an allowed extra). */
function scopeOf(dimensions: Dimension[], usage: UsageMetric): string | undefined {
  const names = dimensions.map(({ Name }) => Name ?? '');
  const scope = dimensions.find(({ Name }) => Name === usage.scopeDimension)?.Value;
  const extras = names.filter((name) => name !== usage.scopeDimension);
  return extras.every((name) => usage.alsoDimensions?.includes(name)) ? scope : undefined;
}

async function sumSeries(cloudWatch: CloudWatchClient, series: Series[], from: Date, to: Date): Promise<number[]> {
  const sums = new Array<number>(series.length).fill(0);
  const period = Math.max(60, Math.ceil((to.getTime() - from.getTime()) / 1000 / 60) * 60);
  for (let start = 0; start < series.length; start += QUERIES_PER_CALL) {
    const queries: MetricDataQuery[] = series.slice(start, start + QUERIES_PER_CALL).map(({ metric }, offset) => ({
      Id: `m${start + offset}`,
      MetricStat: { Metric: metric, Period: period, Stat: 'Sum' },
    }));
    let NextToken: string | undefined;
    do {
      const page = await cloudWatch.send(
        new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: from, EndTime: to, NextToken }),
      );
      for (const result of page.MetricDataResults ?? []) {
        const index = Number(result.Id?.slice(1));
        sums[index] = (sums[index] ?? 0) + (result.Values ?? []).reduce((sum, value) => sum + value, 0);
      }
      NextToken = page.NextToken;
    } while (NextToken);
  }
  return sums;
}

async function functionMemory(lambda: LambdaClient, ownName: RegExp): Promise<Map<string, number>> {
  const memory = new Map<string, number>();
  let Marker: string | undefined;
  do {
    const page = await lambda.send(new ListFunctionsCommand({ Marker }));
    for (const { FunctionName, MemorySize } of page.Functions ?? []) {
      if (FunctionName && MemorySize && ownName.test(FunctionName)) memory.set(FunctionName, MemorySize);
    }
    Marker = page.NextMarker;
  } while (Marker);
  return memory;
}
