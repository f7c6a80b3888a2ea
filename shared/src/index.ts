export type { components, paths, operations } from './generated/types.js';
export type { ValidateFunction, ErrorObject } from 'ajv';
export {
  validateAggregationWindow,
  validateBid,
  validateClick,
  validateEnrichedEvent,
  validateImpression,
  validateEventBatch,
  validateEventEnvelope,
  validatePredictionRequest,
  validateQueryRequest,
} from './generated/validators.js';
export {
  ApiError,
  InvalidJsonError,
  InvalidRequestError,
  PayloadTooLargeError,
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
export { createKinesisClient } from './streams/kinesisClient.js';
export { chunkForPutRecords, PUT_RECORDS_MAX_BYTES, PUT_RECORDS_MAX_COUNT } from './streams/chunkForPutRecords.js';
export { DEFAULT_RETRY_POLICY, putRecordsReliably } from './streams/putRecordsReliably.js';
export type { PutOutcome, RetryPolicy, StreamRecord } from './streams/types.js';
export { readKinesisRecords } from './streams/readKinesisRecords.js';
export type { KinesisRecordText } from './streams/readKinesisRecords.js';
export { mapWithConcurrency } from './async/mapWithConcurrency.js';
export { utcDaysOf } from './time/utcDaysOf.js';
export { murmur3 } from './model/murmur3.js';
export { DEFAULT_FEATURE_SPEC, buildFeatures, buildSparseFeatures, featureWidth } from './model/featureSpec.js';
export type { CategoricalField, FeatureInput, FeatureSpec, SparseFeatures } from './model/featureSpec.js';
export { predictRows, scoreFeatures, sigmoid } from './model/linearModel.js';
export type { LinearModel, Prediction } from './model/linearModel.js';
export { InvalidInvocationError, parseInvocationBody } from './model/parseInvocationBody.js';
