/**
 * The `user_id`s a stream record's data names: an envelope's `data.user_id` (a clickstream event) or
 * its own `user_id` (a session). A record is screened by these as well as by its partition key, so a
 * replay with corrected data or a record written with another partition key cannot slip past a
 * tombstone. Data that is not JSON names none.
 *
 * @example
 * userIdsInRecord('{"schema_version":1,"type":"clickstream","data":{"user_id":"u1","event_name":"detail"}}') // ['u1']
 * userIdsInRecord('{"session_id":"u1_2","user_id":"u1"}') // ['u1']
 */
export function userIdsInRecord(text: string): string[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [];
  }
  const { user_id: own, data } = (body ?? {}) as { user_id?: unknown; data?: { user_id?: unknown } | null };
  return [own, data?.user_id].filter((userId): userId is string => typeof userId === 'string');
}
