/** HTTP APIs: errors and their bodies, the middy error handler, request readers, API keys, scopes and shared rate limits. */
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
export type { ErrorCode } from './http/errors.js';
export { canonicalTimeZone } from './http/canonicalTimeZone.js';
export { EARLIEST_INSTANT, LATEST_INSTANT } from './http/constants.js';
export { httpErrorHandler } from './http/httpErrorHandler.js';
export { jsonResponse } from './http/jsonResponse.js';
export { parseInstant } from './http/parseInstant.js';
export { QueryReader } from './http/QueryReader.js';
export type { QueryParameters } from './http/QueryReader.js';
export { readJsonBody } from './http/readJsonBody.js';
export { toErrorResponse } from './http/toErrorResponse.js';
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
export { keyIdOf } from './auth/keyIdOf.js';
export { tenantOf } from './auth/tenantOf.js';
export type { RequireApiKeyOptions } from './auth/requireApiKey.js';
export { TokenBucket } from './auth/TokenBucket.js';
export { leaseTokens } from './auth/leaseTokens.js';
export type { LeaseDecision, RateLimit } from './auth/leaseTokens.js';
export { dynamoDbRateLeases } from './auth/rateLeases.js';
export type { RateLeases } from './auth/rateLeases.js';
export { SharedRateLimiter } from './auth/SharedRateLimiter.js';
export type { ApiKeyRecord, ApiScope } from './auth/types.js';
export { parseProductId } from './http/parseProductId.js';
