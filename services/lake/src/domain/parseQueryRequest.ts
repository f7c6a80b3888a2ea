import { toViolations, validateQueryRequest } from '@sdp/shared-contract';
import { InvalidRequestError, ValidationFailedError } from '@sdp/shared-http';
import type { SqlDialect } from '@sdp/shared-lake';
import { renderSavedQuery } from './renderSavedQuery.js';
import { SAVED_QUERIES } from './savedQueries.js';

export const DEFAULT_ROW_LIMIT = 1000;

/**
 * The SQL and row limit of a `POST /query` body: `sql` as given, or a saved query in the SQL of the
 * engine that runs it (`dialect`), rendered with its parameters.
 */
export function parseQueryRequest(
  body: unknown,
  now: Date,
  dialect: SqlDialect,
): { sql: string; limit: number; saved?: string } {
  if (!validateQueryRequest(body))
    throw new ValidationFailedError('query request', toViolations(validateQueryRequest.errors));
  const { sql, saved, params = {}, limit = DEFAULT_ROW_LIMIT } = body;
  if ((sql === undefined) === (saved === undefined)) {
    throw new InvalidRequestError(
      "Send exactly one of 'sql' (a SELECT statement) and 'saved' (a saved query's name, see GET /query/saved).",
    );
  }
  if (sql !== undefined) {
    if (Object.keys(params).length > 0)
      throw new InvalidRequestError("'params' go with 'saved' only; write the values into 'sql'.");
    return { sql, limit };
  }
  const query = SAVED_QUERIES.find((candidate) => candidate.name === saved);
  if (!query) {
    throw new InvalidRequestError(
      `There is no saved query '${saved}'; saved queries: ${SAVED_QUERIES.map((q) => q.name).join(', ')}.`,
    );
  }
  return { sql: renderSavedQuery({ ...query, sql: query.sql(dialect) }, params, now), limit, saved: query.name };
}
