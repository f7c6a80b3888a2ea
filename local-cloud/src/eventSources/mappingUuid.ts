import { createHash } from 'node:crypto';

/**
 * Stable uuid of the mapping between one function and one stream, so checkpoints survive restarts.
 *
 * @example
 * ```ts
 * mappingUuid('sdp-enrich-local-joinEvents', 'arn:aws:kinesis:us-east-1:000000000000:stream/events');
 * // => '3f0c…' (same value on every run)
 * ```
 */
export const mappingUuid = (functionName: string, streamArn: string): string => {
  const hex = createHash('sha256').update(`${functionName}\n${streamArn}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};
