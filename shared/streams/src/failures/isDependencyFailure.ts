import { isServerError, isThrottlingError, isTransientError } from '@smithy/core/retry';

/**
 * An error that says a dependency is marked unavailable: not the record's fault, so its records are
 * re-delivered without counting attempts (a model endpoint with no live model, a service that has
 * not decided yet).
 */
export class DependencyUnavailableError extends Error {
  readonly dependencyUnavailable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DependencyUnavailableError';
  }
}

/**
 * Whether an error is a dependency's failure rather than the record's: a throttle, a timeout, a
 * network error, a 5xx answer (classified as the AWS SDK classifies them for its own retries), or
 * a {@link DependencyUnavailableError}. Such failures are retried with backoff and never count
 * toward setting a record aside.
 *
 * @example
 * isDependencyFailure(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' })) // true
 * isDependencyFailure(new SyntaxError('Unexpected token')) // false
 */
export function isDependencyFailure(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  if ((error as { dependencyUnavailable?: unknown }).dependencyUnavailable === true) return true;
  const sdkError = error as Parameters<typeof isTransientError>[0];
  return isThrottlingError(sdkError) || isTransientError(sdkError) || isServerError(sdkError);
}
