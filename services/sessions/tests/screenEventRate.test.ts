import { streamPosition } from '@sdp/shared-streams';
import { screenEventRate } from '../src/domain/screenEventRate.js';
import type { SessionEvent } from '../src/domain/types.js';
import { SHARD_0, sequenceOf, T0 } from './support/clickRecords.js';

const MINUTE_MS = 60_000;

/** An event of u1 at `T0 + offsetMs`, at position `n` of shard 0 (or of `shardId`). */
const event = (offsetMs: number, n: number, shardId = SHARD_0): SessionEvent => ({
  userId: 'u1',
  eventKey: `${T0 + offsetMs}#detail#click`,
  timestampMs: T0 + offsetMs,
  eventName: 'detail',
  deviceType: 'mobile',
  shardId,
  sequenceNumber: sequenceOf(n),
});

describe('screenEventRate', () => {
  it('keeps up to the limit of events in a minute a person’s, and tallies them per minute', () => {
    // Prepare: 10 events in the minute of T0, 3 in the next
    const events = [...Array.from({ length: 10 }, (_, i) => event(i * 1_000, i)), event(MINUTE_MS, 10)];

    // Act
    const screening = screenEventRate(events, { rate: [{ minuteMs: T0 + MINUTE_MS, events: 2 }] }, 10);

    // Assess
    expect(screening).toStrictEqual({
      people: events,
      bots: [],
      rate: [
        { minuteMs: T0, events: 10 },
        { minuteMs: T0 + MINUTE_MS, events: 3 },
      ],
    });
  });

  it('takes the user for a bot from the event past the limit on, counting the minute’s earlier events from the state', () => {
    // Prepare: 8 events of this minute were tallied in an earlier batch; 4 more come
    const events = Array.from({ length: 4 }, (_, i) => event(30_000 + i * 1_000, 20 + i));

    // Act
    const screening = screenEventRate(events, { rate: [{ minuteMs: T0, events: 8 }] }, 10);

    // Assess: the 3rd of them is the 11th of the minute
    expect(screening).toStrictEqual({
      people: events.slice(0, 2),
      bots: events.slice(2),
      rate: [],
      verdict: { sinceMs: T0 + 32_000, from: { [SHARD_0]: streamPosition(sequenceOf(22)) } },
    });
  });

  it('keeps a bot a bot: its later events are bot traffic, a late one from before the verdict is a person’s', () => {
    // Prepare
    const verdict = { sinceMs: T0 + 32_000, from: { [SHARD_0]: streamPosition(sequenceOf(22)) } };
    const events = [event(5_000, 40), event(32_000, 41), event(3_600_000, 42)];

    // Act
    const screening = screenEventRate(events, { rate: [], bot: verdict }, 10);

    // Assess
    expect(screening).toStrictEqual({ people: [events[0]], bots: events.slice(1), rate: [], verdict });
  });

  it('marks where on each shard it began leaving records out, and leaves replays out of it', () => {
    // Prepare: 11 events in a minute; the ones past the limit from two shards and a replay, out of order
    const events = [
      ...Array.from({ length: 10 }, (_, i) => event(i * 100, 50 + i)),
      event(2_000, 90),
      event(2_100, 61),
      event(2_200, 7, 'shardId-000000000001'),
      event(2_300, 1, `${SHARD_0}-replay`),
    ];

    // Act
    const screening = screenEventRate(events, { rate: [] }, 10);

    // Assess
    expect(screening.verdict).toStrictEqual({
      sinceMs: T0 + 2_000,
      from: { [SHARD_0]: streamPosition(sequenceOf(61)), 'shardId-000000000001': streamPosition(sequenceOf(7)) },
    });
    expect(screening.bots).toHaveLength(4);
  });

  it('keeps the tallies of the last 5 minutes only', () => {
    // Act
    const screening = screenEventRate(
      Array.from({ length: 7 }, (_, i) => event(i * MINUTE_MS, i)),
      { rate: [] },
      10,
    );

    // Assess
    expect(screening.rate.map(({ minuteMs }) => (minuteMs - T0) / MINUTE_MS)).toStrictEqual([2, 3, 4, 5, 6]);
  });
});
