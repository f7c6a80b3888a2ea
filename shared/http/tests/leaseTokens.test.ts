import { leaseTokens } from '../src/index.js';

const limit = { ratePerSecond: 10, burst: 20 };

describe('leaseTokens', () => {
  it('grants a full bucket’s burst, then one token per interval', () => {
    // Act
    const first = leaseTokens(undefined, 1_000, 20, limit);
    const empty = leaseTokens(3_000, 1_000, 1, limit);
    const oneInterval = leaseTokens(3_000, 1_100, 5, limit);

    // Assess
    expect([first, empty, oneInterval]).toStrictEqual([
      { granted: 20, theoreticalArrivalMs: 3_000 },
      { granted: 0, retryAfterMs: 100 },
      { granted: 1, theoreticalArrivalMs: 3_100 },
    ]);
  });

  it('treats an arrival time in the past as a full bucket, and never grants more than the burst', () => {
    // Act
    const idle = leaseTokens(0, 60_000, 50, limit);

    // Assess
    expect(idle).toStrictEqual({ granted: 20, theoreticalArrivalMs: 62_000 });
  });

  it('grants at most rate × T + burst over any time T, however the leases are sliced', () => {
    // Prepare
    let arrival: number | undefined;
    let granted = 0;

    // Act: leases of 1 to 7 tokens, every 8 ms, for 20 s
    for (let now = 0, i = 0; now <= 20_000; now += 8, i++) {
      const decision = leaseTokens(arrival, now, 1 + (i % 7), limit);
      if (!('retryAfterMs' in decision)) arrival = decision.theoreticalArrivalMs;
      granted += decision.granted;
    }

    // Assess
    expect(granted).toBe(10 * 20 + 20);
  });

  it('says the whole wait in ms for a rate below one per second', () => {
    // Act
    const decision = leaseTokens(10_000, 0, 1, { ratePerSecond: 0.5, burst: 1 });

    // Assess
    expect(decision).toStrictEqual({ granted: 0, retryAfterMs: 10_000 });
  });
});
