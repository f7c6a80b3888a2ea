import { ApiError } from '@sdp/shared-http';

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
    super(
      400,
      'query_not_allowed',
      `${detail} The lake is read-only here: send exactly one SELECT (or WITH … SELECT) statement.`,
    );
    this.name = 'QueryNotAllowedError';
  }
}

export class QueryTimeoutError extends ApiError {
  constructor(limitMs: number) {
    super(
      400,
      'query_timeout',
      `The query ran longer than ${limitMs / 1000} s and was stopped; filter on a narrower time range or fewer partitions (year, month, day, hour).`,
    );
    this.name = 'QueryTimeoutError';
  }
}

/** The query needed more memory than the engine may use (DuckDB's `memory_limit`, the query process's address space). */
export class QueryOutOfMemoryError extends ApiError {
  constructor(limitMb: number) {
    super(
      400,
      'query_out_of_memory',
      `The query needed more than its ${limitMb} MB of memory and was stopped; aggregate instead of listing, filter on fewer partitions (year, month, day, hour), or select fewer or shorter columns.`,
    );
    this.name = 'QueryOutOfMemoryError';
  }
}

/** The rows of the result, as JSON, pass the byte cap. */
export class ResultTooLargeError extends ApiError {
  constructor(maxBytes: number) {
    super(
      400,
      'result_too_large',
      `The result is larger than ${Math.round(maxBytes / 1024)} KiB of JSON; select fewer or shorter columns, send a smaller 'limit', or aggregate.`,
    );
    this.name = 'ResultTooLargeError';
  }
}
