/**
 * The failed-events store's id of one record for one consumer.
 *
 * @example
 * failureIdOf('sdp-enrich-dev-joinEvents', 'shardId-000000000001', '4960') // 'sdp-enrich-dev-joinEvents#shardId-000000000001#4960'
 */
export function failureIdOf(functionName: string, shardId: string, sequenceNumber: string): string {
  return `${functionName}#${shardId}#${sequenceNumber}`;
}
