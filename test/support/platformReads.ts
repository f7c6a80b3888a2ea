import type { components } from '@sdp/shared-contract';
import type { TestCloud } from './testCloud.js';

/** A session as `GET /sessions` lists it. */
export type ListedSession = components['schemas']['Session'];

/** What a lake request asks: SQL, or a saved query with its parameters (`POST /query`). */
export type LakeRequest = { sql: string; limit?: number } | { saved: string; params?: Record<string, string> };

/**
 * The rows `POST /query` answers on the cloud's gateway, up to 10,000 for SQL unless `limit` says
 * otherwise; any other status than 200 fails the test with the answer.
 *
 * @example
 * await lakeRows(cloud, { sql: "SELECT count(*) AS n FROM clickstream_events WHERE user_id = 'u1'" }) // [{ n: 6 }]
 */
export async function lakeRows(
  cloud: Pick<TestCloud, 'fetch'>,
  request: LakeRequest | string,
): Promise<Record<string, unknown>[]> {
  const body = typeof request === 'string' ? { sql: request, limit: 10_000 } : request;
  const response = await cloud.fetch('/query', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify('sql' in body ? { limit: 10_000, ...body } : body),
  });
  const answer = (await response.json()) as { rows?: Record<string, unknown>[] };
  if (response.status !== 200 || !answer.rows)
    throw new Error(`POST /query answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer.rows;
}

/**
 * A user's sessions as `GET /sessions` lists them (up to 1,000; merged ones too when asked); any
 * other status than 200 fails the test with the answer.
 *
 * @example
 * await listedSessions(cloud, 'shopper-1', { includeMerged: true }) // [{ session_id: 'shopper-1_1', event_count: 3, … }]
 */
export async function listedSessions(
  cloud: Pick<TestCloud, 'fetch'>,
  userId: string,
  { includeMerged = false } = {},
): Promise<ListedSession[]> {
  const response = await cloud.fetch(
    `/sessions?user_id=${encodeURIComponent(userId)}&limit=1000&include_merged=${includeMerged}`,
  );
  const answer = (await response.json()) as { sessions?: ListedSession[] };
  if (response.status !== 200 || !answer.sessions)
    throw new Error(`GET /sessions answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer.sessions;
}
