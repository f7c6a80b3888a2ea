/** Stream consumers: reading and writing Kinesis, failed events, consumer progress, exactly-once counting, windows, erased users. */
export { createKinesisClient } from './streams/kinesisClient.js';
export { chunkForPutRecords, PUT_RECORDS_MAX_BYTES, PUT_RECORDS_MAX_COUNT } from './streams/chunkForPutRecords.js';
export { DEFAULT_RETRY_POLICY, putRecordsReliably } from './streams/putRecordsReliably.js';
export type { PutOutcome, RetryPolicy, StreamRecord } from './streams/types.js';
export { earliestSequence, isSequenceBefore } from './streams/isSequenceBefore.js';
export { publishTableChanges, tableChangesOf } from './streams/publishTableChanges.js';
export type { Publication, PublishTableChangesOptions, TableChange } from './streams/publishTableChanges.js';
export { describeUnreadableRecord, readContractRecord } from './streams/readContractRecord.js';
export type { ContractReading } from './streams/readContractRecord.js';
export { readKinesisRecords } from './streams/readKinesisRecords.js';
export type { KinesisRecordText } from './streams/readKinesisRecords.js';
export { copyRefOf, LEGACY_COPY } from './counting/canonicalCopy.js';
export type { CopyRef } from './counting/canonicalCopy.js';
export { countBatch } from './counting/countBatch.js';
export type { CountBatchOptions } from './counting/countBatch.js';
export { addAbovePosition, REPLAYED_ATTRIBUTE } from './counting/addAbovePosition.js';
export type { CountedItem, ItemIncrement } from './counting/addAbovePosition.js';
export { isReplayShard, originalShardOf, streamPosition, watermarkAttributeOf } from './counting/streamPosition.js';
export type {
  CountBatchOutcome,
  CountingConsumer,
  GroupCount,
  Positioned,
  Reading,
  Verdict,
} from './counting/types.js';
export { BATCH_GET_MAX_KEYS, batchGetItems } from './dynamodb/batchGetItems.js';
export type { BatchGetOptions } from './dynamodb/batchGetItems.js';
export { UnreadKeysError } from './dynamodb/errors.js';
export { DEFAULT_MAX_ATTEMPTS, DEFER_GRACE_MS, REPLAY_SHARD_SUFFIX } from './failures/constants.js';
export { ReplayFailedError } from './failures/errors.js';
export { DependencyUnavailableError, isDependencyFailure } from './failures/isDependencyFailure.js';
export { dynamoDbFailedEventStore, failedEventOf } from './failures/failedEventStore.js';
export type { FailedEventStore } from './failures/failedEventStore.js';
export { failureIdOf } from './failures/failureIdOf.js';
export { processStreamBatch } from './failures/processStreamBatch.js';
export type { ProcessStreamBatchOptions } from './failures/processStreamBatch.js';
export type {
  FailedEvent,
  FailedEventStatus,
  FailureReason,
  RecordFailure,
  RecordRejection,
  StreamBatchOutcome,
} from './failures/types.js';
export { failedEventsFromEnv } from './failures/failedEventsFromEnv.js';
export {
  CONSUMER_PROGRESS_KEY,
  dynamoDbConsumerProgress,
  ingestMinuteOf,
  progressEntryOf,
  progressSortKey,
  PROGRESS_RETENTION_SECONDS,
} from './failures/consumerProgress.js';
export type { ConsumerProgress, ProgressEntry } from './failures/consumerProgress.js';
export { windowOf } from './windows/windowOf.js';
export type { WindowBounds } from './windows/windowOf.js';
export { windowAttributes } from './windows/windowAttributes.js';
export { WINDOWS_BY_DAY_INDEX } from './windows/windowItemSchema.js';
export type { WindowItemSchema } from './windows/windowItemSchema.js';
export { clickstreamEventKey } from './clickstream/clickstreamEventKey.js';
export { streamConsumer, tableChangeConsumer } from './failures/streamConsumer.js';
export { processTableChangeBatch, streamLabelOf } from './failures/processTableChangeBatch.js';
export type { BatchSummary, ConsumerLog } from './failures/streamConsumer.js';
export { dropErasedUsers } from './erasure/dropErasedUsers.js';
export type { RecordSubject } from './erasure/dropErasedUsers.js';
export { dropsRecord } from './erasure/dropsRecord.js';
export { userIdsInRecord } from './erasure/userIdsInRecord.js';
export { dynamoDbErasedUsers } from './erasure/erasedUsers.js';
export type { ErasedUsers } from './erasure/erasedUsers.js';
export {
  TOMBSTONES_VERSION_KEY,
  tombstoneItemOf,
  tombstoneKeyOf,
  tombstoneOf,
  userKeyOf,
} from './erasure/tombstoneItem.js';
export type { Tombstone } from './erasure/tombstoneItem.js';
export type { EraseUsersRequest, EraseUsersResult } from './erasure/types.js';
export { userItemsEraser, usersEraser } from './erasure/usersEraser.js';
export type { UserItemsOptions } from './erasure/usersEraser.js';
