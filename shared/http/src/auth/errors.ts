import { ApiError } from '../http/errors.js';
import { API_KEY_HEADER } from './constants.js';

export class MissingApiKeyError extends ApiError {
  constructor() {
    super(
      401,
      'missing_api_key',
      `Send an API key in the '${API_KEY_HEADER}' header; the platform's operator makes one with 'npm run keys -- create'.`,
    );
    this.name = 'MissingApiKeyError';
  }
}

export class InvalidApiKeyError extends ApiError {
  constructor() {
    super(
      401,
      'invalid_api_key',
      `The '${API_KEY_HEADER}' header does not hold a key this platform knows; check it was copied whole (sdp_<id>_<secret>).`,
    );
    this.name = 'InvalidApiKeyError';
  }
}

export class ApiKeyRevokedError extends ApiError {
  constructor(keyId: string) {
    super(403, 'api_key_revoked', `The API key ${keyId} was revoked; ask for a new one.`);
    this.name = 'ApiKeyRevokedError';
  }
}

export class ApiKeyExpiredError extends ApiError {
  constructor(keyId: string, expiredAt: string, replacedBy: string | undefined) {
    const instead = replacedBy ? `; use its replacement ${replacedBy}` : '';
    super(403, 'api_key_expired', `The API key ${keyId} expired at ${expiredAt}${instead}.`);
    this.name = 'ApiKeyExpiredError';
  }
}

export class InsufficientScopeError extends ApiError {
  constructor(keyId: string, needed: string, granted: readonly string[]) {
    super(
      403,
      'insufficient_scope',
      `The API key ${keyId} may use ${granted.join(', ') || 'nothing'}; this call needs the '${needed}' scope.`,
    );
    this.name = 'InsufficientScopeError';
  }
}

export class AuthUnavailableError extends ApiError {
  constructor(cause: unknown) {
    super(
      503,
      'auth_unavailable',
      'The API key could not be checked right now, so nothing was done; retry after 1 s.',
      { headers: { 'Retry-After': '1' }, cause },
    );
    this.name = 'AuthUnavailableError';
  }
}

export class RateLimitedError extends ApiError {
  constructor(keyId: string, retryAfterSeconds: number) {
    super(
      429,
      'rate_limited',
      `The API key ${keyId} is over its rate limit; nothing was done. Retry after ${retryAfterSeconds} s.`,
      {
        headers: { 'Retry-After': String(retryAfterSeconds) },
      },
    );
    this.name = 'RateLimitedError';
  }
}

/** Every conditional write of a rate lease lost to another instance's while the key's bucket had tokens. */
export class RateLeaseContendedError extends Error {
  constructor(public readonly keyId: string) {
    super(`The shared rate bucket of key ${keyId} kept changing under this instance's leases.`);
    this.name = 'RateLeaseContendedError';
  }
}
