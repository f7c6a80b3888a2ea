import type { EventSourceMapping, MappingStats } from '../src/eventSources/types.js';
import { PipelineBusyError, waitForIdle } from '../src/eventSources/waitForIdle.js';

/** The rounds waitForIdle runs at most (its MAX_ROUNDS, not exported): the TSDoc promises the bound. */
const MAX_ROUNDS = 12;

interface FakeMappingBehaviour {
  /** How long after a wake the fake's reads reach the end of its shard; undefined: never */
  catchUpAfterMs?: number;
  /** Records the fake delivers on each of its first wakes (one entry per wake; later wakes deliver nothing) */
  deliveriesPerWake?: number[];
  /** Records the fake gives up on (sends to its on-failure destination) on each of its first wakes */
  sentToOnFailurePerWake?: number[];
  /** Delivers this many records on every wake, however many there are */
  deliverOnEveryWake?: number;
}

/**
 * A mapping that, once woken, catches up `catchUpAfterMs` later and counts the records it was told to
 * deliver before doing so, as a poller delivers what it read before it finds the shard's end.
 */
class FakeMapping implements EventSourceMapping {
  public readonly uuid = 'fake';
  public wakes = 0;
  private caughtUp = Number.NEGATIVE_INFINITY;
  private readonly counters: MappingStats = { delivered: 0, failedInvocations: 0, sentToOnFailure: 0, lagMs: 0 };
  private readonly timers = new Set<NodeJS.Timeout>();

  public constructor(private readonly behaviour: FakeMappingBehaviour) {}

  public start(): Promise<void> {
    return Promise.resolve();
  }

  public stop(): Promise<void> {
    this.timers.forEach((timer) => clearTimeout(timer));
    return Promise.resolve();
  }

  public stats(): MappingStats {
    return { ...this.counters };
  }

  public caughtUpAt(): number {
    return this.caughtUp;
  }

  public wake(): void {
    const wake = this.wakes++;
    const {
      catchUpAfterMs,
      deliveriesPerWake = [],
      sentToOnFailurePerWake = [],
      deliverOnEveryWake = 0,
    } = this.behaviour;
    if (catchUpAfterMs === undefined) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.counters.delivered += (deliveriesPerWake[wake] ?? 0) + deliverOnEveryWake;
      this.counters.sentToOnFailure += sentToOnFailurePerWake[wake] ?? 0;
      // The read that found the end began a moment before it ended.
      this.caughtUp = performance.now() - 0.5;
    }, catchUpAfterMs);
    this.timers.add(timer);
  }
}

describe('waitForIdle', () => {
  const mappings: FakeMapping[] = [];
  const aMapping = (behaviour: FakeMappingBehaviour): FakeMapping => {
    const mapping = new FakeMapping(behaviour);
    mappings.push(mapping);
    return mapping;
  };

  afterEach(async () => {
    await Promise.all(mappings.splice(0).map((mapping) => mapping.stop()));
  });

  it('resolves after one round when every mapping catches up and nothing was delivered', async () => {
    // Prepare
    const quick = aMapping({ catchUpAfterMs: 5 });
    const slower = aMapping({ catchUpAfterMs: 60 });
    const startedAt = performance.now();

    // Act
    await waitForIdle([quick, slower], { timeoutMs: 5_000 });

    // Assess
    expect(performance.now() - startedAt).toBeGreaterThanOrEqual(55);
    expect({ quick: quick.wakes, slower: slower.wakes }).toStrictEqual({ quick: 1, slower: 1 });
    expect(slower.caughtUpAt()).toBeGreaterThanOrEqual(startedAt);
  });

  it('resolves at once for mappings that read no shard', async () => {
    // Prepare
    const noShards: EventSourceMapping = {
      uuid: 'no-shards',
      start: () => Promise.resolve(),
      stop: () => Promise.resolve(),
      stats: () => ({ delivered: 0, failedInvocations: 0, sentToOnFailure: 0, lagMs: 0 }),
      caughtUpAt: () => Number.POSITIVE_INFINITY,
      wake: () => undefined,
    };

    // Act
    const outcome = await waitForIdle([noShards], { timeoutMs: 1_000 }).then(
      () => 'idle',
      (error: unknown) => error,
    );

    // Assess
    expect(outcome).toBe('idle');
  });

  it('runs further rounds while rounds deliver records, and ends with the first round that delivers none', async () => {
    // Prepare
    const ingest = aMapping({ catchUpAfterMs: 5, deliveriesPerWake: [3] });
    const enrich = aMapping({ catchUpAfterMs: 5, deliveriesPerWake: [0, 2] });

    // Act
    await waitForIdle([ingest, enrich], { timeoutMs: 5_000 });

    // Assess
    expect({ ingest: ingest.wakes, enrich: enrich.wakes }).toStrictEqual({ ingest: 3, enrich: 3 });
    expect({ ingest: ingest.stats().delivered, enrich: enrich.stats().delivered }).toStrictEqual({
      ingest: 3,
      enrich: 2,
    });
  });

  it('counts records sent to the on-failure destination as processed, so their round is followed by another', async () => {
    // Prepare
    const failing = aMapping({ catchUpAfterMs: 5, sentToOnFailurePerWake: [4] });

    // Act
    await waitForIdle([failing], { timeoutMs: 5_000 });

    // Assess
    expect({ wakes: failing.wakes, stats: failing.stats() }).toStrictEqual({
      wakes: 2,
      stats: { delivered: 0, failedInvocations: 0, sentToOnFailure: 4, lagMs: 0 },
    });
  });

  it('rejects with PipelineBusyError once timeoutMs has passed and a mapping has not caught up', async () => {
    // Prepare
    const caughtUp = aMapping({ catchUpAfterMs: 5 });
    const stuck = aMapping({});
    const startedAt = Date.now();

    // Act
    const failure = await waitForIdle([caughtUp, stuck], { timeoutMs: 150 }).then(
      () => 'resolved',
      (error: unknown) => error,
    );

    // Assess
    const waitedMs = Date.now() - startedAt;
    expect(failure).toBeInstanceOf(PipelineBusyError);
    expect({ name: (failure as Error).name, message: (failure as Error).message }).toStrictEqual({
      name: 'PipelineBusyError',
      message: 'The stream triggers had not caught up with their streams after 150 ms.',
    });
    expect(waitedMs).toBeGreaterThanOrEqual(150);
    expect(waitedMs).toBeLessThan(2_000);
  });

  it('stops after its maximum number of rounds when every round delivers records', async () => {
    // Prepare
    const endless = aMapping({ catchUpAfterMs: 5, deliverOnEveryWake: 1 });

    // Act
    const outcome = await waitForIdle([endless], { timeoutMs: 10_000 }).then(
      () => 'resolved',
      (error: unknown) => error,
    );

    // Assess
    expect(outcome).toBe('resolved');
    expect({ wakes: endless.wakes, delivered: endless.stats().delivered }).toStrictEqual({
      wakes: MAX_ROUNDS,
      delivered: MAX_ROUNDS,
    });
  });
});
