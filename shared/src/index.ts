export type { components, paths, operations } from './generated/types.js';
export type { ValidateFunction, ErrorObject } from 'ajv';
export {
  validateAggregationWindow,
  validateBid,
  validateClick,
  validateClickstreamBatch,
  validateClickstreamEnvelope,
  validateClickstreamEvent,
  validateEnrichedEvent,
  validateImpression,
  validateEventBatch,
  validateEventEnvelope,
  validateOrder,
  validatePredictionRequest,
  validatePredictionResponse,
  validateDemandFeatures,
  validatePriceChange,
  validatePriceHistory,
  validateProduct,
  validateProductList,
  validateProductReport,
  validateProductWindow,
  validateQueryRequest,
  validateSession,
} from './generated/validators.js';
export {
  ApiError,
  InvalidJsonError,
  InvalidRequestError,
  PayloadTooLargeError,
  isStreamThrottling,
  StreamThrottledError,
  StreamUnavailableError,
  UnsupportedMediaTypeError,
  ValidationFailedError,
} from './http/errors.js';
export type { ErrorCode, Violation } from './http/errors.js';
export { canonicalTimeZone } from './http/canonicalTimeZone.js';
export { EARLIEST_INSTANT, LATEST_INSTANT } from './http/constants.js';
export { httpErrorHandler } from './http/httpErrorHandler.js';
export { jsonResponse } from './http/jsonResponse.js';
export { parseInstant } from './http/parseInstant.js';
export { QueryReader } from './http/QueryReader.js';
export type { QueryParameters } from './http/QueryReader.js';
export { readJsonBody } from './http/readJsonBody.js';
export { toErrorResponse } from './http/toErrorResponse.js';
export { toViolations } from './http/toViolations.js';
export { logger } from './observability/logger.js';
export { requiredEnv } from './config/requiredEnv.js';
export { InvalidSettingError } from './config/errors.js';
export { readNumberSetting } from './config/readNumberSetting.js';
export type { NumberSettingRule } from './config/readNumberSetting.js';
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
export { mapWithConcurrency } from './async/mapWithConcurrency.js';
export { BATCH_GET_MAX_KEYS, batchGetItems } from './dynamodb/batchGetItems.js';
export type { BatchGetOptions } from './dynamodb/batchGetItems.js';
export { UnreadKeysError } from './dynamodb/errors.js';
export { utcDaysOf } from './time/utcDaysOf.js';
export { murmur3 } from './model/murmur3.js';
export {
  DEFAULT_DEMAND_FEATURE_SPEC,
  DEFAULT_FEATURE_SPEC,
  DEMAND_FEATURE_FIELDS,
  buildDemandFeatures,
  buildFeatures,
  buildSparseFeatures,
  featureWidth,
} from './model/featureSpec.js';
export type {
  CategoricalField,
  DemandFeatureField,
  DemandFeatureInput,
  DemandFeatureSpec,
  FeatureInput,
  FeatureSpec,
  ModelFeatureSpec,
  SparseFeatures,
} from './model/featureSpec.js';
export { predictRows, scoreFeatures, sigmoid } from './model/linearModel.js';
export type { LinearModel, Prediction } from './model/linearModel.js';
export { InvalidInvocationError, parseInvocationBody } from './model/parseInvocationBody.js';
export { assertReadOnlyStart } from './lake/assertReadOnlyStart.js';
export { athenaQueryEngine } from './lake/athenaQueryEngine.js';
export { dataFileName, rangeOfDataFile } from './lake/dataFileName.js';
export { duckDbQueryEngine } from './lake/duckDbQueryEngine.js';
export type { DuckDbEngineOptions } from './lake/duckDbQueryEngine.js';
export {
  DEFAULT_QUERY_MAX_RESULT_BYTES,
  DEFAULT_QUERY_MEMORY_LIMIT_MB,
  DEFAULT_QUERY_THREADS,
} from './lake/constants.js';
export {
  InvalidQueryError,
  QueryNotAllowedError,
  QueryOutOfMemoryError,
  QueryTimeoutError,
  ResultTooLargeError,
} from './lake/errors.js';
export { readPartitionState, readTablePartitions, visibleTableFiles } from './lake/lakeFiles.js';
export { LAKE_VIEW_NAMES, lakeViews } from './lake/lakeViews.js';
export type { ViewSettings } from './lake/lakeViews.js';
export { directoryObjectStore, objectStoreFromEnv, s3ObjectStore } from './lake/objectStore.js';
export type { ObjectStore } from './lake/objectStore.js';
export { queryEngineFromEnv } from './lake/queryEngineFromEnv.js';
export { queryResourcesFromEnv } from './lake/queryResourcesFromEnv.js';
export type { QueryResources } from './lake/queryResourcesFromEnv.js';
export type { LakeQueryEngine, QueryLimits, QueryResult } from './lake/queryTypes.js';
export { MANIFEST_DIR, resolvePartition } from './lake/resolvePartition.js';
export { LAKE_TABLES, lakeTable } from './lake/tables.js';
export type { LakeColumn, LakeTable, LakeTableName } from './lake/tables.js';
export type { CompactionManifest, LakeRow, LakeValue, PartitionState, SequenceRange } from './lake/types.js';
export { InvalidModelArtifactError } from './model/errors.js';
export { parseLinearModel } from './model/parseLinearModel.js';
export { MODEL_FILE_NAME } from './model/constants.js';
export { packModelArtifact, unpackModelArtifact } from './model/modelArtifact.js';
export { CUSTOM_ATTRIBUTES_HEADER, handleInvocation } from './model/handleInvocation.js';
export type { InvocationRequest, InvocationResponse } from './model/handleInvocation.js';
export { seededRandom } from './random/seededRandom.js';
export { API_KEY_HEADER, API_SCOPES } from './auth/constants.js';
export { hashSecret, newApiKey, parseApiKey } from './auth/apiKeyText.js';
export type { ApiKeyText } from './auth/apiKeyText.js';
export { dynamoDbApiKeysTable } from './auth/apiKeysTable.js';
export type { ApiKeysTable } from './auth/apiKeysTable.js';
export { authorizeApiKey } from './auth/authorizeApiKey.js';
export {
  ApiKeyExpiredError,
  ApiKeyRevokedError,
  AuthUnavailableError,
  InsufficientScopeError,
  InvalidApiKeyError,
  MissingApiKeyError,
  RateLeaseContendedError,
  RateLimitedError,
} from './auth/errors.js';
export { issueApiKey } from './auth/issueApiKey.js';
export type { ApiKeyRequest } from './auth/issueApiKey.js';
export { requireApiKey } from './auth/requireApiKey.js';
export { tenantOf } from './auth/tenantOf.js';
export type { RequireApiKeyOptions } from './auth/requireApiKey.js';
export { TokenBucket } from './auth/TokenBucket.js';
export { leaseTokens } from './auth/leaseTokens.js';
export type { LeaseDecision, RateLimit } from './auth/leaseTokens.js';
export { dynamoDbRateLeases } from './auth/rateLeases.js';
export type { RateLeases } from './auth/rateLeases.js';
export { SharedRateLimiter } from './auth/SharedRateLimiter.js';
export type { ApiKeyRecord, ApiScope } from './auth/types.js';
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
export { openDynamoDb } from './cli/openDynamoDb.js';
export { exitWith, platformApi } from './cli/platformApi.js';
export type { PlatformApi } from './cli/platformApi.js';
export { windowOf } from './windows/windowOf.js';
export type { WindowBounds } from './windows/windowOf.js';
export { windowAttributes } from './windows/windowAttributes.js';
export { WINDOWS_BY_DAY_INDEX } from './windows/windowItemSchema.js';
export type { WindowItemSchema } from './windows/windowItemSchema.js';
export { clickstreamEventKey } from './clickstream/clickstreamEventKey.js';
export { parseProductId } from './http/parseProductId.js';
export { sageMakerEndpoint } from './model/sageMakerEndpoint.js';
export type { EndpointAnswer } from './model/sageMakerEndpoint.js';
export { streamConsumer, tableChangeConsumer } from './failures/streamConsumer.js';
export { processTableChangeBatch, streamLabelOf } from './failures/processTableChangeBatch.js';
export type { BatchSummary, ConsumerLog } from './failures/streamConsumer.js';
export { PRICE_TABLE } from './cost/priceTable.js';
export type { PricedUnit } from './cost/priceTable.js';
export { dynamoDbItemSize } from './cost/dynamoDbItemSize.js';
export type { WireAttributeValue } from './cost/dynamoDbItemSize.js';
export { readRequestUnits, writeRequestUnits } from './cost/dynamoDbRequestUnits.js';
export { athenaBilledBytes, httpApiRequests, kinesisPayloadUnits, lambdaGbSeconds } from './cost/billedUnits.js';
export { priceUsage } from './cost/priceUsage.js';
export type { PricedUsage, Usage } from './cost/priceUsage.js';
