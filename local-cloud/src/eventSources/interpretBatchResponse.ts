import type { SourceRecord } from './types.js';

/** What a (sub)batch's invocation means for its records. */
export type BatchVerdict =
  | { kind: 'success' }
  /** Records before `firstFailedIndex` succeeded; that one and the rest are retried. */
  | { kind: 'partialFailure'; firstFailedIndex: number }
  | { kind: 'batchFailure'; functionError?: string; reason: string };

/**
 * Reads a handler's `ReportBatchItemFailures` response the way Lambda does: an empty or missing list
 * is success; otherwise the lowest failed sequence number is where processing resumes; an identifier
 * that is empty or not in the batch fails the whole batch.
 *
 * @example
 * ```ts
 * interpretBatchResponse({ batchItemFailures: [{ itemIdentifier: '2' }] }, records, true);
 * // => { kind: 'partialFailure', firstFailedIndex: 1 } when records[1].sequenceNumber === '2'
 * ```
 */
export const interpretBatchResponse = (
  response: unknown,
  records: readonly SourceRecord[],
  reportBatchItemFailures: boolean,
): BatchVerdict => {
  if (!reportBatchItemFailures || response === null || typeof response !== 'object') return { kind: 'success' };
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return { kind: 'success' };
  if (!Array.isArray(failures)) return { kind: 'batchFailure', reason: 'batchItemFailures is not a list' };
  if (failures.length === 0) return { kind: 'success' };
  let firstFailedIndex = records.length;
  for (const failure of failures as unknown[]) {
    const identifier = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    const index =
      typeof identifier === 'string' && identifier !== ''
        ? records.findIndex((record) => record.sequenceNumber === identifier)
        : -1;
    if (index === -1) {
      return { kind: 'batchFailure', reason: `itemIdentifier ${JSON.stringify(identifier)} is not in the batch` };
    }
    firstFailedIndex = Math.min(firstFailedIndex, index);
  }
  return { kind: 'partialFailure', firstFailedIndex };
};
