import type { components, Violation } from '@sdp/shared-contract';

export type ErrorCode = components['schemas']['Error']['code'];

interface ApiErrorOptions {
  violations?: Violation[];
  headers?: Record<string, string>;
  cause?: unknown;
}

/**
 * An error a client caused or can act on. `toErrorResponse` turns it into the contract's `Error` body;
 * every other error becomes a generic 500 with no detail.
 */
export class ApiError extends Error {
  readonly statusCode: number;
  readonly code: ErrorCode;
  readonly violations: Violation[] | undefined;
  readonly headers: Record<string, string>;

  constructor(statusCode: number, code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'ApiError';
    this.statusCode = statusCode;
    this.code = code;
    this.violations = options.violations;
    this.headers = options.headers ?? {};
  }
}

export class InvalidJsonError extends ApiError {
  constructor(detail: string, cause?: unknown) {
    super(400, 'invalid_json', `The body is not valid JSON (${detail}); send one JSON object.`, { cause });
    this.name = 'InvalidJsonError';
  }
}

export class InvalidRequestError extends ApiError {
  constructor(message: string) {
    super(400, 'invalid_request', message);
    this.name = 'InvalidRequestError';
  }
}

export class ValidationFailedError extends ApiError {
  constructor(subject: string, violations: Violation[]) {
    const list = violations.map((v) => `${v.path} ${v.message}`).join('; ');
    const count = violations.length === 1 ? '1 problem' : `${violations.length} problems`;
    super(400, 'validation_failed', `The ${subject} has ${count}: ${list}.`, { violations });
    this.name = 'ValidationFailedError';
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor(actualBytes: number, limitBytes: number) {
    super(
      413,
      'payload_too_large',
      `The body is ${actualBytes} bytes; the limit is ${limitBytes} bytes. Send smaller events or split the batch.`,
    );
    this.name = 'PayloadTooLargeError';
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  constructor(contentType: string | undefined) {
    const got = contentType ? `'${contentType}'` : 'no Content-Type';
    super(415, 'unsupported_media_type', `Got ${got}; send the body as JSON with 'Content-Type: application/json'.`);
    this.name = 'UnsupportedMediaTypeError';
  }
}

/** Kinesis error codes that mean "over capacity, slow down" rather than "not working". */
const THROTTLING_CODES = new Set([
  'ProvisionedThroughputExceededException',
  'LimitExceededException',
  'KMSThrottlingException',
  'ThrottlingException',
]);

/** Whether a stream write failed because the stream is over its capacity (answer 429), not down (503). */
export function isStreamThrottling(errorCode: string | undefined): boolean {
  return errorCode !== undefined && THROTTLING_CODES.has(errorCode);
}

export class StreamThrottledError extends ApiError {
  constructor(retryAfterSeconds: number, cause?: unknown) {
    super(
      429,
      'stream_throttled',
      `The event stream is over its write capacity and took nothing; slow down and retry after ${retryAfterSeconds} s.`,
      { headers: { 'Retry-After': String(retryAfterSeconds) }, cause },
    );
    this.name = 'StreamThrottledError';
  }
}

export class StreamUnavailableError extends ApiError {
  constructor(retryAfterSeconds: number, cause?: unknown) {
    super(
      503,
      'stream_unavailable',
      `The event stream did not accept the write, so nothing was stored; retry after ${retryAfterSeconds} s.`,
      { headers: { 'Retry-After': String(retryAfterSeconds) }, cause },
    );
    this.name = 'StreamUnavailableError';
  }
}
