/**
 * AWS list prices the cost meter uses: us-east-1, on-demand, without free tiers or volume discounts,
 * read from each service's pricing page on the date below. One table, so a price change is one edit
 * here and a new date.
 */
export const PRICE_TABLE = {
  asOf: '2026-12-06',
  region: 'us-east-1',
  prices: {
    apiGatewayHttpRequest: {
      usdPerUnit: 1.0 / 1e6,
      unit: 'HTTP API request (metered in 512 KB increments), first 300 million a month',
      source: 'https://aws.amazon.com/api-gateway/pricing/',
    },
    lambdaRequest: { usdPerUnit: 0.2 / 1e6, unit: 'invocation', source: 'https://aws.amazon.com/lambda/pricing/' },
    lambdaGbSecond: {
      usdPerUnit: 0.0000166667,
      unit: 'GB-second of billed duration, x86, first 6 billion GB-seconds a month',
      source: 'https://aws.amazon.com/lambda/pricing/',
    },
    kinesisShardHour: {
      usdPerUnit: 0.015,
      unit: 'provisioned shard-hour',
      source: 'https://aws.amazon.com/kinesis/data-streams/pricing/',
    },
    kinesisPutPayloadUnit: {
      usdPerUnit: 0.014 / 1e6,
      unit: 'PUT payload unit (25 KB of one record, rounded up), provisioned mode',
      source: 'https://aws.amazon.com/kinesis/data-streams/pricing/',
    },
    dynamoDbWriteRequestUnit: {
      usdPerUnit: 0.625 / 1e6,
      unit: 'on-demand write request unit (1 KB, transactional 2×)',
      source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    },
    dynamoDbReadRequestUnit: {
      usdPerUnit: 0.125 / 1e6,
      unit: 'on-demand read request unit (4 KB strongly consistent, eventually consistent ½, transactional 2×)',
      source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    },
    dynamoDbWriteCapacityUnitHour: {
      usdPerUnit: 0.00065,
      unit: 'provisioned write capacity unit-hour',
      source: 'https://aws.amazon.com/dynamodb/pricing/provisioned/',
    },
    dynamoDbReadCapacityUnitHour: {
      usdPerUnit: 0.00013,
      unit: 'provisioned read capacity unit-hour',
      source: 'https://aws.amazon.com/dynamodb/pricing/provisioned/',
    },
    dynamoDbStorageGbMonth: {
      usdPerUnit: 0.25,
      unit: 'GB-month of table storage',
      source: 'https://aws.amazon.com/dynamodb/pricing/on-demand/',
    },
    s3PutRequest: {
      usdPerUnit: 0.005 / 1000,
      unit: 'PUT, COPY, POST or LIST request, S3 Standard',
      source: 'https://aws.amazon.com/s3/pricing/',
    },
    s3GetRequest: {
      usdPerUnit: 0.0004 / 1000,
      unit: 'GET or SELECT request, S3 Standard',
      source: 'https://aws.amazon.com/s3/pricing/',
    },
    s3StorageGbMonth: {
      usdPerUnit: 0.023,
      unit: 'GB-month, S3 Standard, first 50 TB',
      source: 'https://aws.amazon.com/s3/pricing/',
    },
    sageMakerInstanceHour: {
      usdPerUnit: 0.115,
      unit: 'ml.m5.large real-time inference instance-hour',
      source: 'https://aws.amazon.com/sagemaker/pricing/',
    },
    athenaTerabyteScanned: {
      usdPerUnit: 5.0,
      unit: 'TB scanned (10 MB minimum per query, rounded up to the MB)',
      source: 'https://aws.amazon.com/athena/pricing/',
    },
    sqsRequest: {
      usdPerUnit: 0.4 / 1e6,
      unit: 'standard queue request (64 KB chunks)',
      source: 'https://aws.amazon.com/sqs/pricing/',
    },
  },
} as const;

export type PricedUnit = keyof (typeof PRICE_TABLE)['prices'];
