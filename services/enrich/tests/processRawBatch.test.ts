import type { PutOutcome } from '@sdp/shared';
import { DEFAULT_JOIN_SETTINGS } from '../src/domain/constants.js';
import { processRawBatch, type ProcessDeps, type RawRecord } from '../src/domain/processRawBatch.js';
import type { EnrichedEvent, EventEnvelope, JoinState } from '../src/domain/types.js';
import { bidEnvelope, clickEnvelope, impressionEnvelope } from './support/envelopes.js';

/** An in-memory join state table and enriched stream with the adapters' semantics, and switches to make them fail. */
function fakeDeps() {
  const table = new Map<string, JoinState>();
  const written: EnrichedEvent[] = [];
  const failEmitFor = new Set<string>();
  const conflictFor = new Set<string>();
  const deps: ProcessDeps = {
    load: async (txIds) => new Map(txIds.flatMap((txId) => (table.has(txId) ? [[txId, structuredClone(table.get(txId)!)] as const] : []))),
    saveAll: async (states) => {
      const failed = new Set<string>();
      for (const state of states) {
        if (conflictFor.has(state.tx_id) || (table.get(state.tx_id)?.version ?? 0) !== state.version) failed.add(state.tx_id);
        else table.set(state.tx_id, { ...state, version: state.version + 1 });
      }
      return failed;
    },
    emit: async (events) =>
      events.map((event): PutOutcome => {
        if (failEmitFor.has(event.tx_id)) return { ok: false, errorCode: 'ProvisionedThroughputExceededException', errorMessage: 'slow down' };
        written.push(event);
        return { ok: true, shardId: 'shardId-000000000000', sequenceNumber: String(written.length) };
      }),
    settings: DEFAULT_JOIN_SETTINGS,
    log: () => undefined,
  };
  return { deps, table, written, failEmitFor, conflictFor };
}

const records = (envelopes: (EventEnvelope | string)[]): RawRecord[] =>
  envelopes.map((envelope, i) => ({ sequenceNumber: String(1000 + i), data: typeof envelope === 'string' ? envelope : JSON.stringify(envelope) }));
const emitted = (events: EnrichedEvent[]) => events.map((event) => `${event.tx_id}:${event.type}`);

describe('processRawBatch', () => {
  it('emits the joins and stores every changed transaction', async () => {
    // Prepare
    const { deps, table, written } = fakeDeps();
    const batch = records([bidEnvelope('a', 0), bidEnvelope('b', 0), impressionEnvelope('a', 1), clickEnvelope('a', 5)]);

    // Act
    const result = await processRawBatch(batch, deps);

    // Assess
    expect(result).toStrictEqual({ batchItemFailures: [], rejected: [], emitted: 4 });
    expect(emitted(written)).toStrictEqual(['a:bid', 'b:bid', 'a:imp', 'a:click']);
    expect([...table.keys()].sort()).toStrictEqual(['a', 'b']);
  });

  it('rejects records that are not valid envelopes, with the reason, instead of blocking the shard', async () => {
    // Prepare
    const { deps, written } = fakeDeps();
    const batch = records(['not json', JSON.stringify({ schema_version: 2, what: 'future' }), bidEnvelope('a', 0)]);

    // Act
    const result = await processRawBatch(batch, deps);

    // Assess
    expect(result).toStrictEqual({
      batchItemFailures: [],
      rejected: [
        { sequenceNumber: '1000', reason: { name: 'InvalidJson', message: expect.stringMatching(/^The record is not JSON: Unexpected token/) } },
        { sequenceNumber: '1001', reason: { name: 'InvalidEventEnvelope', message: expect.stringContaining('The record is not a valid event envelope: $') } },
      ],
      emitted: 1,
    });
    expect(emitted(written)).toStrictEqual(['a:bid']);
  });

  it('does not store a transaction whose emission failed and re-delivers from its first record, losing and repeating nothing', async () => {
    // Prepare
    const { deps, table, written, failEmitFor } = fakeDeps();
    const batch = records([bidEnvelope('a', 0), bidEnvelope('b', 0), impressionEnvelope('a', 1), impressionEnvelope('b', 1)]);
    failEmitFor.add('b');

    // Act
    const first = await processRawBatch(batch, deps);
    failEmitFor.clear();
    const retried = await processRawBatch(batch.slice(1), deps);

    // Assess
    expect(first.batchItemFailures).toStrictEqual([{ itemIdentifier: '1001' }]);
    expect(first.failure).toStrictEqual({
      name: 'EnrichedStreamWriteFailed',
      message: '1 transaction(s) not stored (2 emission(s) not accepted by the enriched stream); re-delivering from here.',
    });
    expect(table.has('b')).toBe(true);
    expect(retried).toStrictEqual({ batchItemFailures: [], rejected: [], emitted: 2 });
    expect(emitted(written).sort()).toStrictEqual(['a:bid', 'a:imp', 'b:bid', 'b:imp']);
  });

  it('treats a state changed by someone else since it was loaded as a failure of that transaction', async () => {
    // Prepare
    const { deps, conflictFor } = fakeDeps();
    const batch = records([bidEnvelope('a', 0), bidEnvelope('b', 0), clickEnvelope('b', 9)]);
    conflictFor.add('b');

    // Act
    const result = await processRawBatch(batch, deps);

    // Assess
    expect(result.batchItemFailures).toStrictEqual([{ itemIdentifier: '1001' }]);
    expect(result.failure?.name).toBe('JoinStateNotStored');
  });

  it('changes nothing when a whole batch is delivered again', async () => {
    // Prepare
    const { deps, table, written } = fakeDeps();
    const batch = records([bidEnvelope('a', 0), impressionEnvelope('a', 1), clickEnvelope('a', 2)]);
    await processRawBatch(batch, deps);
    const stored = structuredClone(table.get('a'));

    // Act
    const again = await processRawBatch(batch, deps);

    // Assess
    expect(again).toStrictEqual({ batchItemFailures: [], rejected: [], emitted: 0 });
    expect(table.get('a')).toStrictEqual(stored);
    expect(emitted(written)).toStrictEqual(['a:bid', 'a:imp', 'a:click']);
  });
});
