import type { FailedEvent } from '@sdp/shared-streams';

/**
 * Whether a record in the failed-events store is of a user: its partition key is the user id (the
 * clickstream and sessions streams are partitioned by `user_id`), its data holds a `user_id` of the
 * user anywhere (an envelope's `data.user_id`, a session's `user_id`, a table change's images, in
 * DynamoDB's JSON or plain), or its data cannot be read whole (cut short) but quotes the id, or its
 * error message quotes it (`user 'shopper-1'`).
 *
 * @example
 * failedEventNamesUser({ partition_key: 'u1', data: '{"data":{"user_id":"u1"}}', … }, 'u1') // true
 * failedEventNamesUser({ partition_key: 'tx-1', data: '{"data":{"user_id":"u10"}}', … }, 'u1') // false
 */
export function failedEventNamesUser(
  failed: Pick<FailedEvent, 'partition_key' | 'data' | 'error_message'>,
  userId: string,
): boolean {
  if (failed.partition_key === userId || failed.error_message.includes(`'${userId}'`)) return true;
  let data: unknown;
  try {
    data = JSON.parse(failed.data);
  } catch {
    return failed.data.includes(JSON.stringify(userId));
  }
  return holdsUserId(data, userId);
}

function holdsUserId(value: unknown, userId: string): boolean {
  if (typeof value === 'string') {
    // A record's data may itself be JSON text (a corrected replay, a Kinesis record inside a change).
    if (!value.startsWith('{')) return false;
    try {
      return holdsUserId(JSON.parse(value), userId);
    } catch {
      return false;
    }
  }
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some((item) => holdsUserId(item, userId));
  return Object.entries(value).some(
    ([key, field]) =>
      (key === 'user_id' && (field === userId || (field as { S?: unknown } | null)?.S === userId)) ||
      holdsUserId(field, userId),
  );
}
