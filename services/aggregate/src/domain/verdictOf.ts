import { copyRefOf, LEGACY_COPY, originalShardOf, type Positioned, type Verdict } from '@sdp/shared-streams';
import type { EmittedCopies, EnrichedEvent } from './types.js';

/**
 * Whether an enriched record counts: only the copy its transaction's join state names does
 * (docs/adr/0019-counting-per-batch.md). Enrich emits at least once, and each copy it emits again
 * has a new position, so the position alone cannot tell copies apart.
 * - the state names this record (or the record it replays) → `count`;
 * - it names another record, or the event was counted before copies were named → `skip`;
 * - no state, or no copy named for the type yet (enrich has not stored its save) → `pending`.
 *
 * @example
 * verdictOf({ shardId: 'shardId-000000000001', sequenceNumber: '42', value: bid }, { bid: 'shardId-000000000001:42' }) // 'count'
 * verdictOf({ shardId: 'shardId-000000000001', sequenceNumber: '57', value: bid }, { bid: 'shardId-000000000001:42' }) // 'skip'
 */
export function verdictOf(record: Positioned<EnrichedEvent>, copies: EmittedCopies | undefined): Verdict {
  const named = copies?.[record.value.type];
  if (named === undefined) return 'pending';
  if (named === LEGACY_COPY) return 'skip';
  return named === copyRefOf(originalShardOf(record.shardId), record.sequenceNumber) ? 'count' : 'skip';
}
