import { LEGACY_COPY, type PutOutcome } from '@sdp/shared-streams';
import { DEFAULT_JOIN_SETTINGS } from '../src/domain/constants.js';
import { processRawBatch, type ProcessDeps, type RawRecord } from '../src/domain/processRawBatch.js';
import type { EnrichedEvent, EventEnvelope, JoinState, StoredBid } from '../src/domain/types.js';
import { at, bidEnvelope, clickEnvelope, impressionEnvelope } from './support/envelopes.js';

const SHARD = 'shardId-000000000001';

/**
 * An in-memory join state table and enriched stream with the adapters' semantics (the stream answers
 * each record with its shard and a new sequence number: the count of records written so far), every
 * save call recorded, and switches to make them fail.
 */
function fakeDeps() {
  const table = new Map<string, JoinState>();
  const written: EnrichedEvent[] = [];
  const saveCalls: string[][] = [];
  const failEmitFor = new Set<string>();
  const conflictFor = new Set<string>();
  const crashes = { beforeNextSaves: 0 };
  const deps: ProcessDeps = {
    load: async (txIds) =>
      new Map(txIds.flatMap((txId) => (table.has(txId) ? [[txId, structuredClone(table.get(txId)!)] as const] : []))),
    saveAll: async (states) => {
      saveCalls.push(states.map((state) => state.tx_id));
      if (crashes.beforeNextSaves > 0) {
        crashes.beforeNextSaves--;
        throw new Error('Task timed out after 60.00 seconds');
      }
      const failed = new Set<string>();
      for (const state of states) {
        if (conflictFor.has(state.tx_id) || (table.get(state.tx_id)?.version ?? 0) !== state.version)
          failed.add(state.tx_id);
        else table.set(state.tx_id, { ...state, version: state.version + 1 });
      }
      return failed;
    },
    emit: async (events) =>
      events.map((event): PutOutcome => {
        if (failEmitFor.has(event.tx_id))
          return {
            ok: false,
            errorCode: 'ProvisionedThroughputExceededException',
            errorMessage: 'slow down',
            retryable: true,
          };
        written.push(event);
        return { ok: true, shardId: SHARD, sequenceNumber: String(written.length) };
      }),
    settings: DEFAULT_JOIN_SETTINGS,
    log: () => undefined,
  };
  return { deps, table, written, saveCalls, failEmitFor, conflictFor, crashes };
}

const records = (envelopes: (EventEnvelope | string)[]): RawRecord[] =>
  envelopes.map((envelope, i) => ({
    sequenceNumber: String(1000 + i),
    data: typeof envelope === 'string' ? envelope : JSON.stringify(envelope),
  }));
const emitted = (events: EnrichedEvent[]) => events.map((event) => `${event.tx_id}:${event.type}`);
/** The `<shardId>:<sequenceNumber>` of the n-th record the fake stream wrote */
const copy = (n: number) => `${SHARD}:${n}`;
/** A state's expiry when its latest event is `seconds` after 10:00:00Z */
const expiresAfter = (seconds: number) => (Date.parse(at(seconds)) + DEFAULT_JOIN_SETTINGS.stateRetentionMs) / 1000;
const storedBid = (envelope: EventEnvelope): StoredBid => ({
  event_id: envelope.event_id,
  event_time: envelope.received_at,
  app_uid: 'user-1',
  campaign_item_id: 1463517,
  domain: 'news.example.com',
  creative_id: 'c-1',
  creative_category: 'travel',
});
const stored = (envelope: EventEnvelope, joined: boolean) => ({
  event_id: envelope.event_id,
  event_time: envelope.received_at,
  joined,
});

describe('processRawBatch', () => {
  it('emits the joins and stores every changed transaction', async () => {
    // Prepare
    const { deps, table, written } = fakeDeps();
    const batch = records([
      bidEnvelope('a', 0),
      bidEnvelope('b', 0),
      impressionEnvelope('a', 1),
      clickEnvelope('a', 5),
    ]);

    // Act
    const result = await processRawBatch(batch, deps);

    // Assess
    expect(result).toStrictEqual({ batchItemFailures: [], rejected: [], emitted: 4, duplicates: 0 });
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
        {
          sequenceNumber: '1000',
          reason: { name: 'InvalidJson', message: expect.stringMatching(/^The record is not JSON: Unexpected token/) },
        },
        {
          sequenceNumber: '1001',
          reason: {
            name: 'InvalidEventEnvelope',
            message: expect.stringContaining('The record is not a valid event envelope: $'),
          },
        },
      ],
      emitted: 1,
      duplicates: 0,
    });
    expect(emitted(written)).toStrictEqual(['a:bid']);
  });

  it('does not store a transaction whose emission failed and re-delivers from its first record, losing and repeating nothing', async () => {
    // Prepare
    const { deps, table, written, failEmitFor } = fakeDeps();
    const batch = records([
      bidEnvelope('a', 0),
      bidEnvelope('b', 0),
      impressionEnvelope('a', 1),
      impressionEnvelope('b', 1),
    ]);
    failEmitFor.add('b');

    // Act
    const first = await processRawBatch(batch, deps);
    failEmitFor.clear();
    const retried = await processRawBatch(batch.slice(1), deps);

    // Assess
    expect(first.batchItemFailures).toStrictEqual([{ itemIdentifier: '1001' }]);
    expect(first.failure).toStrictEqual({
      name: 'EnrichedStreamWriteFailed',
      message:
        '1 transaction(s) not stored (2 emission(s) not accepted by the enriched stream); re-delivering from here.',
    });
    // A throttled stream is not the records' fault: no attempt is counted toward setting them aside.
    expect(first.transient).toBe(true);
    expect(table.has('b')).toBe(true);
    expect(retried).toStrictEqual({ batchItemFailures: [], rejected: [], emitted: 2, duplicates: 1 });
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
    expect(result.transient).toBeUndefined();
  });

  it('changes nothing when a whole batch is delivered again', async () => {
    // Prepare
    const { deps, table, written, saveCalls } = fakeDeps();
    const batch = records([bidEnvelope('a', 0), impressionEnvelope('a', 1), clickEnvelope('a', 2)]);
    await processRawBatch(batch, deps);
    const before = structuredClone(table.get('a'));

    // Act
    const again = await processRawBatch(batch, deps);

    // Assess
    expect(again).toStrictEqual({ batchItemFailures: [], rejected: [], emitted: 0, duplicates: 3 });
    expect(table.get('a')).toStrictEqual(before);
    expect(saveCalls).toStrictEqual([['a']]);
    expect(emitted(written)).toStrictEqual(['a:bid', 'a:imp', 'a:click']);
  });

  it('names, in each stored state, the record the enriched stream answered for each of its emissions', async () => {
    // Prepare: a joins all three; b's impression is too late to join its bid
    const { deps, table } = fakeDeps();
    const [bidA, bidB, impA, clickA, impB] = [
      bidEnvelope('a', 0),
      bidEnvelope('b', 0),
      impressionEnvelope('a', 1, 80),
      clickEnvelope('a', 5),
      impressionEnvelope('b', 400, 90),
    ];

    // Act
    const result = await processRawBatch(records([bidA, bidB, impA, clickA, impB]), deps);

    // Assess
    expect(result).toStrictEqual({ batchItemFailures: [], rejected: [], emitted: 4, duplicates: 0 });
    expect(Object.fromEntries(table)).toStrictEqual({
      a: {
        tx_id: 'a',
        version: 1,
        bid: storedBid(bidA),
        imp: { ...stored(impA, true), win_price: 80 },
        click: stored(clickA, true),
        emitted: { bid: copy(1), imp: copy(3), click: copy(4) },
        expires_at: expiresAfter(5),
      },
      b: {
        tx_id: 'b',
        version: 1,
        bid: storedBid(bidB),
        imp: { ...stored(impB, false), win_price: 90 },
        emitted: { bid: copy(2) },
        expires_at: expiresAfter(400),
      },
    });
  });

  it('names the copies of the re-delivery when the first attempt crashed between emitting and storing', async () => {
    // Prepare: the first attempt's save never happens (the invocation dies after PutRecords)
    const { deps, table, written, crashes } = fakeDeps();
    const [bid, imp] = [bidEnvelope('a', 0), impressionEnvelope('a', 1, 80)];
    const batch = records([bid, imp]);
    crashes.beforeNextSaves = 1;

    // Act
    const crashed = await processRawBatch(batch, deps);
    const redelivered = await processRawBatch(batch, deps);

    // Assess: both attempts emitted; only the second attempt's copies (records 3 and 4) are named
    expect(crashed).toStrictEqual({
      batchItemFailures: [{ itemIdentifier: '1000' }],
      failure: {
        name: 'JoinStateNotStored',
        message:
          '1 transaction(s) not stored (0 emission(s) not accepted by the enriched stream); re-delivering from here.',
      },
      rejected: [],
      emitted: 2,
      duplicates: 0,
    });
    expect(redelivered).toStrictEqual({ batchItemFailures: [], rejected: [], emitted: 2, duplicates: 0 });
    expect(emitted(written)).toStrictEqual(['a:bid', 'a:imp', 'a:bid', 'a:imp']);
    expect(table.get('a')).toStrictEqual({
      tx_id: 'a',
      version: 1,
      bid: storedBid(bid),
      imp: { ...stored(imp, true), win_price: 80 },
      emitted: { bid: copy(3), imp: copy(4) },
      expires_at: expiresAfter(1),
    });
  });

  it('writes nothing for a re-delivered event or a copy of an event the transaction already has', async () => {
    // Prepare
    const { deps, table, written, saveCalls } = fakeDeps();
    const [bid, imp] = [bidEnvelope('a', 0), impressionEnvelope('a', 1, 80)];
    await processRawBatch(records([bid, imp]), deps);
    const before = structuredClone(table.get('a'));

    // Act: the bid again, and copies of the impression and the bid with new event ids
    const result = await processRawBatch(records([bid, impressionEnvelope('a', 2, 999), bidEnvelope('a', 3)]), deps);

    // Assess
    expect(result).toStrictEqual({ batchItemFailures: [], rejected: [], emitted: 0, duplicates: 3 });
    expect(saveCalls).toStrictEqual([['a']]);
    expect(table.get('a')).toStrictEqual(before);
    expect(emitted(written)).toStrictEqual(['a:bid', 'a:imp']);
  });

  it('marks what a state stored by the previous version had emitted as LEGACY_COPY when it rewrites the state', async () => {
    // Prepare: states as the previous version stored them (no `emitted`)
    const { deps, table } = fakeDeps();
    const [bidJ, impJ, bidU, impU, bidS] = [
      bidEnvelope('joined', 0),
      impressionEnvelope('joined', 1, 80),
      bidEnvelope('unjoined', 0),
      impressionEnvelope('unjoined', 400, 90),
      bidEnvelope('still', 0),
    ];
    table.set('joined', {
      tx_id: 'joined',
      version: 3,
      bid: storedBid(bidJ),
      imp: { ...stored(impJ, true), win_price: 80 },
      expires_at: 1,
    });
    table.set('unjoined', {
      tx_id: 'unjoined',
      version: 2,
      bid: storedBid(bidU),
      imp: { ...stored(impU, false), win_price: 90 },
      expires_at: 2,
    });
    table.set('still', { tx_id: 'still', version: 1, bid: storedBid(bidS), expires_at: 3 });
    const [clickJ, clickU] = [clickEnvelope('joined', 10), clickEnvelope('unjoined', 401)];

    // Act: a click for each of the first two; only a copy of the bid for the third
    const result = await processRawBatch(records([clickJ, clickU, bidEnvelope('still', 5)]), deps);

    // Assess
    expect(result).toStrictEqual({ batchItemFailures: [], rejected: [], emitted: 1, duplicates: 1 });
    expect(Object.fromEntries(table)).toStrictEqual({
      joined: {
        tx_id: 'joined',
        version: 4,
        bid: storedBid(bidJ),
        imp: { ...stored(impJ, true), win_price: 80 },
        click: stored(clickJ, true),
        emitted: { bid: LEGACY_COPY, imp: LEGACY_COPY, click: copy(1) },
        expires_at: expiresAfter(10),
      },
      unjoined: {
        tx_id: 'unjoined',
        version: 3,
        bid: storedBid(bidU),
        imp: { ...stored(impU, false), win_price: 90 },
        click: stored(clickU, false),
        emitted: { bid: LEGACY_COPY },
        expires_at: expiresAfter(401),
      },
      still: { tx_id: 'still', version: 1, bid: storedBid(bidS), expires_at: 3 },
    });
  });
});
