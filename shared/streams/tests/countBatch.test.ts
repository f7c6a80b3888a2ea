import {
  countBatch,
  type CountingConsumer,
  type GroupCount,
  type KinesisRecordText,
  type Positioned,
  type Verdict,
} from '../src/index.js';

const SHARD = 'shardId-000000000000';

/** A record of the test consumer: `<item>:<event>`, e.g. `w1:e1`; `!` breaks the contract, `-` counts nothing. */
const recordsOf = (...datas: string[]): KinesisRecordText[] =>
  datas.map((data, i) => ({ shardId: SHARD, sequenceNumber: String(100 + i), data }));

interface Value {
  item: string;
  event: string;
}

/** A consumer over items in memory: verdicts and failures are given per event and per item. */
function consumerOf(
  options: {
    verdicts?: (event: string, round: number) => Verdict;
    failing?: string[];
    failingWith?: string;
    identities?: boolean;
  } = {},
) {
  const items = new Map<string, string[]>();
  const decided: string[][] = [];
  const consumer: CountingConsumer<Value> = {
    read(record) {
      if (record.data === '!') return { kind: 'reject', reason: { name: 'InvalidRecord', message: 'broken' } };
      if (record.data === '-') return { kind: 'ignore' };
      const [item, event] = record.data.split(':') as [string, string];
      return { kind: 'value', value: { item, event } };
    },
    groupOf: (value) => value.item,
    describeGroup: (value) => `item ${value.item}`,
    ...(options.identities ? { identityOf: (value: Value) => value.event } : {}),
    ...(options.verdicts
      ? {
          decide: async (records: readonly Positioned<Value>[]) => {
            decided.push(records.map((record) => record.value.event));
            return records.map((record) => options.verdicts!(record.value.event, decided.length));
          },
        }
      : {}),
    async countGroup(records): Promise<GroupCount> {
      const item = records[0]!.value.item;
      if (options.failing?.includes(item))
        throw Object.assign(new Error('slow down'), { name: options.failingWith ?? 'ThrottlingException' });
      items.set(item, [...(items.get(item) ?? []), ...records.map((record) => record.value.event)]);
      return { counted: records.length, duplicates: 0 };
    },
  };
  return { consumer, items, decided };
}

const outcomeOf = (
  counts: Partial<Record<'counted' | 'duplicates' | 'ignored' | 'invalid' | 'failed' | 'pending', number>>,
) => ({
  batchItemFailures: [],
  rejected: [],
  counted: 0,
  duplicates: 0,
  ignored: 0,
  invalid: 0,
  failed: 0,
  pending: 0,
  ...counts,
});
const options = { log: () => undefined, pendingWaitsMs: [0, 0], sleep: async () => undefined };

describe('countBatch', () => {
  it('counts each group with one write of its records in stream order, ignoring and rejecting what does not count', async () => {
    // Prepare
    const { consumer, items } = consumerOf();

    // Act
    const outcome = await countBatch(recordsOf('w1:a', 'w2:b', '!', 'w1:c', '-'), consumer, options);

    // Assess
    expect(outcome).toStrictEqual({
      ...outcomeOf({ counted: 3, ignored: 1, invalid: 1 }),
      rejected: [{ sequenceNumber: '102', reason: { name: 'InvalidRecord', message: 'broken' } }],
    });
    expect(Object.fromEntries(items)).toStrictEqual({ w1: ['a', 'c'], w2: ['b'] });
  });

  it('collapses copies of one event within the batch into the first when the consumer names identities', async () => {
    // Prepare
    const { consumer, items } = consumerOf({ identities: true });

    // Act
    const outcome = await countBatch(recordsOf('w1:a', 'w1:a', 'w2:b'), consumer, options);

    // Assess
    expect(outcome).toStrictEqual(outcomeOf({ counted: 2, duplicates: 1 }));
    expect(Object.fromEntries(items)).toStrictEqual({ w1: ['a'], w2: ['b'] });
  });

  it('skips the records another copy counts', async () => {
    // Prepare
    const { consumer, items } = consumerOf({ verdicts: (event) => (event === 'b' ? 'skip' : 'count') });

    // Act
    const outcome = await countBatch(recordsOf('w1:a', 'w1:b', 'w2:c'), consumer, options);

    // Assess
    expect(outcome).toStrictEqual(outcomeOf({ counted: 2, duplicates: 1 }));
    expect(Object.fromEntries(items)).toStrictEqual({ w1: ['a'], w2: ['c'] });
  });

  it('reads pending verdicts again after each wait, and counts what was decided meanwhile', async () => {
    // Prepare: b is decided in the third reading
    const { consumer, items, decided } = consumerOf({
      verdicts: (event, round) => (event === 'b' && round < 3 ? 'pending' : 'count'),
    });

    // Act
    const outcome = await countBatch(recordsOf('w1:a', 'w1:b', 'w2:c'), consumer, options);

    // Assess
    expect(outcome).toStrictEqual(outcomeOf({ counted: 3 }));
    expect(decided).toStrictEqual([['a', 'b', 'c'], ['b'], ['b']]);
    expect(Object.fromEntries(items)).toStrictEqual({ w1: ['a', 'b'], w2: ['c'] });
  });

  it('reads only the first 100 pending records again: the cut can only move through them', async () => {
    // Prepare: 150 records, all pending
    const { consumer, decided } = consumerOf({ verdicts: () => 'pending' });
    const records = recordsOf(...Array.from({ length: 150 }, (_, i) => `w1:e${i}`));

    // Act
    const outcome = await countBatch(records, consumer, options);

    // Assess
    expect(decided.map((events) => events.length)).toStrictEqual([150, 100, 100]);
    expect(outcome).toMatchObject({
      counted: 0,
      pending: 150,
      deferred: true,
      batchItemFailures: [{ itemIdentifier: '100' }],
    });
  });

  it('cuts the batch at the first record still pending and defers from there', async () => {
    // Prepare
    const { consumer, items } = consumerOf({ verdicts: (event) => (event === 'b' ? 'pending' : 'count') });

    // Act
    const outcome = await countBatch(recordsOf('w1:a', 'w2:x', 'w1:b', 'w2:c', 'w1:d'), consumer, options);

    // Assess
    expect(outcome).toStrictEqual({
      ...outcomeOf({ counted: 2, pending: 3 }),
      batchItemFailures: [{ itemIdentifier: '102' }],
      deferred: true,
      failure: {
        name: 'VerdictPending',
        message: 'The service that owns this event has not decided yet whether this copy counts.',
      },
    });
    expect(Object.fromEntries(items)).toStrictEqual({ w1: ['a'], w2: ['x'] });
  });

  it('reports the earliest record of the failed groups, not deferred, when it comes before the first pending one', async () => {
    // Prepare: w1 fails from record 100; d (record 103) is pending
    const { consumer, items } = consumerOf({
      verdicts: (event) => (event === 'd' ? 'pending' : 'count'),
      failing: ['w1'],
    });

    // Act
    const outcome = await countBatch(recordsOf('w1:a', 'w2:b', 'w1:c', 'w2:d'), consumer, options);

    // Assess
    expect(outcome).toStrictEqual({
      ...outcomeOf({ counted: 1, failed: 2, pending: 1 }),
      batchItemFailures: [{ itemIdentifier: '100' }],
      failure: { name: 'ThrottlingException', message: 'Could not count item w1: slow down' },
      // A throttled write is the table's fault, not the records': re-delivered without counting an attempt.
      transient: true,
    });
    expect(Object.fromEntries(items)).toStrictEqual({ w2: ['b'] });
  });

  it('reports a failure that is not the table’s (a write it refuses) as the records’, to be counted toward setting them aside', async () => {
    // Act
    const outcome = await countBatch(
      recordsOf('w1:a', 'w2:b'),
      consumerOf({ failing: ['w2'], failingWith: 'ValidationException' }).consumer,
      options,
    );

    // Assess
    expect(outcome).toStrictEqual({
      ...outcomeOf({ counted: 1, failed: 1 }),
      batchItemFailures: [{ itemIdentifier: '101' }],
      failure: { name: 'ValidationException', message: 'Could not count item w2: slow down' },
    });
  });

  it('defers from the first pending record when it comes before the records of a failing group', async () => {
    // Prepare: a (record 100) is pending; w2 fails from record 101
    const { consumer } = consumerOf({ verdicts: (event) => (event === 'a' ? 'pending' : 'count'), failing: ['w2'] });

    // Act
    const outcome = await countBatch(recordsOf('w1:a', 'w2:b'), consumer, options);

    // Assess: nothing after the pending record is written, so the failing group is not even tried
    expect(outcome).toStrictEqual({
      ...outcomeOf({ pending: 2 }),
      batchItemFailures: [{ itemIdentifier: '100' }],
      deferred: true,
      failure: {
        name: 'VerdictPending',
        message: 'The service that owns this event has not decided yet whether this copy counts.',
      },
    });
  });
});
