import { toViolations, validateEventEnvelope } from '@sdp/shared-contract';
import { isDependencyFailure } from '@sdp/shared-streams';
import type { FailureReason, PutOutcome, RecordRejection } from '@sdp/shared-streams';
import { joinBatch } from './joinBatch.js';
import { nameEmittedCopies } from './nameEmittedCopies.js';
import { transactionKeyOf } from './transactionKeyOf.js';
import type { EnrichedEvent, EventEnvelope, JoinSettings, JoinState } from './types.js';

export interface RawRecord {
  sequenceNumber: string;
  /** The record's data as text (the JSON envelope) */
  data: string;
}

export interface ProcessDeps {
  /** The stored states of these transactions, by key (`transactionKeyOf`) */
  load(txIds: readonly string[]): Promise<Map<string, JoinState>>;
  /** Resolves with the transactions that could not be stored; called only with states that changed */
  saveAll(states: readonly JoinState[]): Promise<Set<string>>;
  emit(events: readonly EnrichedEvent[]): Promise<PutOutcome[]>;
  settings: JoinSettings;
  log(message: string, data: object): void;
}

export interface ProcessResult {
  batchItemFailures: { itemIdentifier: string }[];
  /** Why the transactions from the failed position on were not stored */
  failure?: FailureReason;
  /** The failure was the enriched stream's or the table's (throttled, unreachable), not the records' */
  transient?: boolean;
  /** Records that are not a valid event envelope: they can never join, so they are set aside */
  rejected: RecordRejection[];
  emitted: number;
  /** Events of a type their transaction already had (re-deliveries and copies); nothing was written for them */
  duplicates: number;
}

/**
 * One batch of the raw events stream: join, emit, then store the new states. A transaction's new
 * state is stored only after all it emitted is in the enriched stream, and names the records the
 * stream answered as the copies of those events (`emitted`), so a crash or a failed write never
 * loses an emission; the batch is then reported failed from the first record of the first
 * transaction not stored, and the re-delivery recomputes exactly what was missing and names its own
 * copies (stored transactions ignore their re-delivered events). Events a transaction already had
 * write nothing. Records that are not a valid envelope are rejected with the reason, never retried:
 * they cannot become valid (the failed-events store keeps them).
 */
export async function processRawBatch(records: readonly RawRecord[], deps: ProcessDeps): Promise<ProcessResult> {
  const envelopes: { index: number; envelope: EventEnvelope }[] = [];
  const rejected: RecordRejection[] = [];
  records.forEach((record, index) => {
    const parsed = parseEnvelope(record.data);
    if ('envelope' in parsed) envelopes.push({ index, envelope: parsed.envelope });
    else rejected.push({ sequenceNumber: record.sequenceNumber, reason: parsed.reason });
  });

  const firstIndexByTx = new Map<string, number>();
  for (const { index, envelope } of envelopes) {
    const key = transactionKeyOf({ tenant: envelope.tenant, tx_id: envelope.data.tx_id });
    if (!firstIndexByTx.has(key)) firstIndexByTx.set(key, index);
  }

  const loaded = await deps.load([...firstIndexByTx.keys()]);
  const { changed, emits, duplicates } = joinBatch(envelopes, loaded, deps.settings);
  const outcomes = emits.length > 0 ? await deps.emit(emits.map(({ event }) => event)) : [];

  const failedTx = new Set<string>();
  emits.forEach(({ event }, i) => {
    if (!outcomes[i]?.ok) failedTx.add(transactionKeyOf(event));
  });
  const saves = nameEmittedCopies(
    [...changed.values()].filter((state) => !failedTx.has(state.tx_id)),
    emits,
    outcomes,
  );
  let saveError: unknown;
  const notSaved =
    saves.length > 0
      ? await deps.saveAll(saves).catch((error: unknown) => {
          saveError = error;
          return new Set(saves.map((state) => state.tx_id));
        })
      : new Set<string>();
  notSaved.forEach((txId) => failedTx.add(txId));

  const failedIndex = Math.min(...[...failedTx].map((txId) => firstIndexByTx.get(txId) ?? Infinity));
  const refusedEmits = emits.flatMap((_, i) => (outcomes[i] && !outcomes[i].ok ? [outcomes[i]] : []));
  const notEmitted = emits.filter(({ event }, i) => failedTx.has(transactionKeyOf(event)) && !outcomes[i]?.ok).length;
  // A throttled or failing stream or table is not the records' fault: no attempt is counted.
  const refusedSaves = saveError === undefined ? notSaved.size : 0;
  const transient =
    refusedSaves === 0 &&
    refusedEmits.every((outcome) => !outcome.ok && outcome.retryable) &&
    (saveError === undefined || isDependencyFailure(saveError));
  if (failedTx.size > 0)
    deps.log('transactions to retry', {
      count: failedTx.size,
      fromSequenceNumber: records[failedIndex]?.sequenceNumber,
    });
  return {
    batchItemFailures: Number.isFinite(failedIndex) ? [{ itemIdentifier: records[failedIndex]!.sequenceNumber }] : [],
    ...(failedTx.size > 0
      ? {
          failure: {
            name: notEmitted > 0 ? 'EnrichedStreamWriteFailed' : 'JoinStateNotStored',
            message: `${failedTx.size} transaction(s) not stored (${notEmitted} emission(s) not accepted by the enriched stream); re-delivering from here.`,
          },
          ...(transient ? { transient } : {}),
        }
      : {}),
    rejected,
    emitted: outcomes.filter((outcome) => outcome.ok).length,
    duplicates,
  };
}

function parseEnvelope(data: string): { envelope: EventEnvelope } | { reason: FailureReason } {
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch (error) {
    return { reason: { name: 'InvalidJson', message: `The record is not JSON: ${(error as Error).message}` } };
  }
  if (validateEventEnvelope(value)) return { envelope: value };
  const problems = toViolations(validateEventEnvelope.errors).map((v) => `${v.path} ${v.message}`);
  return {
    reason: {
      name: 'InvalidEventEnvelope',
      message: `The record is not a valid event envelope: ${problems.join('; ')}.`,
    },
  };
}
