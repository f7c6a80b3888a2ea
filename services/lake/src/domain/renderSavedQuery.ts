import { InvalidRequestError, parseInstant } from '@sdp/shared-http';
import type { SavedQuery } from './savedQueries.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The SQL of a saved query with its parameters substituted as typed literals (numbers checked whole,
 * timestamps parsed), defaults applied and unknown parameters refused, so no value can change the
 * statement's shape. A timestamp is written `TIMESTAMP 'YYYY-MM-DD hh:mm:ss.sss'` (UTC), which DuckDB
 * and Trino both read.
 *
 * @example
 * renderSavedQuery(funnel, { from: '2026-11-22T00:00:00Z' }, new Date()) // "… received_at >= TIMESTAMP '2026-11-22 00:00:00.000' …"
 */
export function renderSavedQuery(query: SavedQuery, params: Record<string, string | number>, now: Date): string {
  const unknown = Object.keys(params).filter((name) => !query.params.some((param) => param.name === name));
  if (unknown.length > 0) {
    const known = query.params.map((param) => param.name).join(', ') || 'none';
    throw new InvalidRequestError(
      `The saved query '${query.name}' has no parameter ${unknown.map((n) => `'${n}'`).join(', ')}; its parameters: ${known}.`,
    );
  }
  const to = params.to === undefined ? now : instant('to', params.to);
  const values: Record<string, string> = {};
  for (const param of query.params) {
    const given = params[param.name];
    if (param.type === 'timestamp') {
      const value =
        given === undefined
          ? param.name === 'from'
            ? new Date(to.getTime() - DAY_MS)
            : now
          : instant(param.name, given);
      values[param.name] = `TIMESTAMP '${value.toISOString().replace('T', ' ').replace('Z', '')}'`;
    } else if (param.type === 'number') {
      const value = Number(given ?? param.default);
      // Whole numbers only: a row count or a span of seconds, which Trino takes only as integers.
      if (!Number.isSafeInteger(value) || value < 0)
        throw new InvalidRequestError(
          `The parameter '${param.name}' must be a non-negative whole number; got ${JSON.stringify(given)}.`,
        );
      values[param.name] = String(value);
    } else {
      values[param.name] = `'${String(given ?? param.default ?? '').replaceAll("'", "''")}'`;
    }
  }
  return query.sql.replaceAll(/\{\{(\w+)\}\}/g, (_, name: string) => values[name]!);
}

function instant(name: string, value: string | number): Date {
  const parsed = typeof value === 'string' ? parseInstant(value) : undefined;
  if (!parsed)
    throw new InvalidRequestError(
      `The parameter '${name}' must be an ISO 8601 date-time such as 2026-11-22T06:00:00Z; got ${JSON.stringify(value)}.`,
    );
  return parsed;
}
