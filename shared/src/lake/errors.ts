import { ApiError } from '../http/errors.js';

/** The SQL does not parse or bind (unknown table, column, function). */
export class InvalidQueryError extends ApiError {
  constructor(detail: string) {
    super(400, 'invalid_query', `The query failed: ${detail}`);
    this.name = 'InvalidQueryError';
  }
}

/** Anything but one read-only SELECT. */
export class QueryNotAllowedError extends ApiError {
  constructor(detail: string) {
    super(400, 'query_not_allowed', `${detail} The lake is read-only here: send exactly one SELECT (or WITH … SELECT) statement.`);
    this.name = 'QueryNotAllowedError';
  }
}

export class QueryTimeoutError extends ApiError {
  constructor(limitMs: number) {
    super(400, 'query_timeout', `The query ran longer than ${limitMs / 1000} s and was stopped; filter on a narrower time range or fewer partitions (year, month, day, hour).`);
    this.name = 'QueryTimeoutError';
  }
}
