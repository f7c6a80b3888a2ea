import type { StreamActivity } from './StreamActivity.js';

/** Invokes one function instance; resolves with the handler's return value, rejects on function error or timeout. */
export type Invoke = (event: unknown) => Promise<unknown>;

/** One `stream` event of a function, with every option resolved to its value (defaults applied). */
export interface StreamTrigger {
  /** Deployed function name, e.g. `sdp-enrich-local-joinEvents`. */
  functionName: string;
  kind: 'kinesis' | 'dynamodb';
  /** Kinesis stream ARN, or the DynamoDB stream ARN as DynamoDB Local returns it. */
  streamArn: string;
  /** Most records per invocation (AWS default 100). */
  batchSize: number;
  /** How long to gather records before invoking with fewer than `batchSize` (0 = invoke as soon as any arrive). */
  maximumBatchingWindowInSeconds: number;
  startingPosition: 'LATEST' | 'TRIM_HORIZON' | 'AT_TIMESTAMP';
  /** Epoch seconds, for `AT_TIMESTAMP`. */
  startingPositionTimestamp?: number;
  /** Retries of a failed batch before it goes to `onFailureArn`; -1 = until the records expire (AWS default). */
  maximumRetryAttempts: number;
  /** Records older than this go to `onFailureArn` instead of being retried; -1 = unlimited. */
  maximumRecordAgeInSeconds: number;
  bisectBatchOnFunctionError: boolean;
  /** `functionResponseType: ReportBatchItemFailures`. */
  reportBatchItemFailures: boolean;
  /** `destinations.onFailure`: SQS queue or SNS topic ARN. */
  onFailureArn?: string;
  /** Accepted for compatibility; not applied yet. */
  filterPatterns?: unknown[];
}

/** Counters of one mapping since it was created in this process. */
export interface MappingStats {
  /** Records whose invocation succeeded and was checkpointed. */
  delivered: number;
  /** Invocations that failed: function error, timeout or reported item failures. */
  failedInvocations: number;
  /** Batches sent to the on-failure destination (or dropped when there is none). */
  sentToOnFailure: number;
  /** Age of the newest record read but not yet processed, or 0 when caught up. */
  lagMs: number;
}

export interface EventSourceMapping {
  readonly uuid: string;
  /** Resolves once the starting position is persisted and pollers are running. */
  start(): Promise<void>;
  /** Resolves once every poller has stopped; no timers are left behind. */
  stop(): Promise<void>;
  stats(): MappingStats;
  /** Every record written before this `performance.now()` time has been processed; +Infinity when no shard is read */
  caughtUpAt(): number;
  /** Makes idle pollers read now; with `flush`, deliver what they gathered for a batching window too */
  wake(options?: { flush?: boolean }): void;
}

/** Where failed batches' invocation records go (stands in for SQS/SNS). */
export interface OnFailureSink {
  send(destinationArn: string, record: object): Promise<void>;
}

export interface EventSourceMappingDeps {
  /** The local Kinesis (kinesalite) */
  kinesisEndpoint: string;
  /** DynamoDB Local, whose endpoint also serves DynamoDB Streams */
  dynamoDbEndpoint: string;
  /** Directory for checkpoints; one sub-directory per mapping uuid. */
  stateDir: string;
  onFailure: OnFailureSink;
  log?: (msg: string, data?: object) => void;
  /** Announcements of writes that wake idle pollers (without, pollers find new records at their idle poll) */
  activity?: StreamActivity;
}

/** Where a shard poller resumes: persisted per mapping and shard. */
export type ShardPosition =
  | { type: 'TRIM_HORIZON' }
  | { type: 'AFTER_SEQUENCE_NUMBER'; sequenceNumber: string }
  /** Read from the trim horizon and skip records that arrived before `timestampMs`. */
  | { type: 'AT_TIMESTAMP'; timestampMs: number }
  /** The shard is closed and fully processed. */
  | { type: 'SHARD_END' };

export interface ShardInfo {
  shardId: string;
  /** Parent (and adjacent parent after a merge) that must be fully processed first. */
  parentShardIds: string[];
}

/** A stream record already in the shape Lambda passes in `event.Records`. */
export interface SourceRecord {
  sequenceNumber: string;
  arrivalMs: number;
  lambdaRecord: object;
}

export interface RecordPage {
  records: SourceRecord[];
  /** Undefined when the shard is closed and fully read. */
  nextIterator: string | undefined;
}

/** What a shard poller needs from Kinesis or DynamoDB Streams. */
export interface ShardSource {
  readonly streamArn: string;
  /** Largest `Limit` GetRecords accepts. */
  readonly maxRecordsPerRead: number;
  /** Longest wait between reads of an idle shard: short where some writes go unannounced (StreamActivity). */
  readonly maxIdlePollMs: number;
  /** Shortest time between two reads of a shard that announced writes can cause (Lambda's base polling rate). */
  readonly minWakeIntervalMs: number;
  listShards(): Promise<ShardInfo[]>;
  /** Undefined for `SHARD_END`. */
  getIterator(shardId: string, position: ShardPosition): Promise<string | undefined>;
  getRecords(shardId: string, iterator: string, limit: number): Promise<RecordPage>;
  /** True for errors that a fresh iterator from the last read position cures. */
  needsFreshIterator(error: unknown): boolean;
  /** `KinesisBatchInfo` or `DDBStreamBatchInfo`, the key of the batch info in an invocation record. */
  readonly batchInfoKey: 'KinesisBatchInfo' | 'DDBStreamBatchInfo';
}
