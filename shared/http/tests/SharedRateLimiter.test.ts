import { RateLeaseContendedError, SharedRateLimiter, type RateLeases } from '../src/index.js';
import { inMemoryRateLeases } from './support/inMemoryRateLeases.js';

const limit = { ratePerSecond: 10, burst: 20 };

describe('SharedRateLimiter', () => {
  it('holds a key to its rate in total over several instances, with about one write per lease', async () => {
    // Prepare
    const leases = inMemoryRateLeases();
    let clock = 0;
    const instances = [1, 2, 3, 4].map(() => new SharedRateLimiter(leases, () => clock));
    let accepted = 0;
    let refused = 0;

    // Act: each instance takes one request of the key every 5 ms for 20 s
    for (; clock <= 20_000; clock += 5) {
      for (const instance of instances) {
        if ((await instance.take('k1', limit)) === 0) accepted++;
        else refused++;
      }
    }

    // Assess
    expect(accepted).toBeLessThanOrEqual(10 * 20 + 20);
    expect(accepted).toBeGreaterThanOrEqual(10 * 20);
    expect(refused).toBe(4 * 4_001 - accepted);
    expect(leases.writes).toBe(accepted);
  });

  it('leases a tenth of a second’s tokens at a time once it knows the rate, so a fast key costs a write per many requests', async () => {
    // Prepare
    const leases = inMemoryRateLeases();
    let clock = 0;
    const limiter = new SharedRateLimiter(leases, () => clock);

    // Act: 1,000 requests a second for 3 s on a key allowed 1,000/s
    const answers: number[] = [];
    let writesAfterOneSecond = 0;
    for (; clock < 3_000; clock += 1) {
      if (clock === 1_000) writesAfterOneSecond = leases.writes;
      answers.push(await limiter.take('k1', { ratePerSecond: 1_000, burst: 2_000 }));
    }

    // Assess
    expect(answers.every((answer) => answer === 0)).toBe(true);
    expect(leases.writes - writesAfterOneSecond).toBeLessThanOrEqual(2 * 10 + 1);
  });

  it('takes one token at a time for an instance that sees the key rarely, so many such instances leave the rest to others', async () => {
    // Prepare: 40 instances, each seeing the key once a second; the key allows 100/s, burst 100
    const leases = inMemoryRateLeases();
    let clock = 0;
    const instances = Array.from({ length: 40 }, () => new SharedRateLimiter(leases, () => clock));
    const answers: number[] = [];

    // Act: 10 s, the instances' requests spread over each second
    for (let second = 0; second < 10; second++) {
      for (const [i, instance] of instances.entries()) {
        clock = second * 1_000 + i * 25;
        answers.push(await instance.take('k1', { ratePerSecond: 100, burst: 100 }));
      }
    }

    // Assess: 40 requests a second against 100 allowed: none refused, one token each
    expect(answers.filter((answer) => answer !== 0)).toStrictEqual([]);
    expect(leases.writes).toBe(400);
  });

  it('tells a refused request the whole seconds until the shared bucket has a token, without asking it again', async () => {
    // Prepare
    const leases = inMemoryRateLeases();
    const limiter = new SharedRateLimiter(leases, () => 0);
    for (let i = 0; i < 2; i++) await limiter.take('slow', { ratePerSecond: 0.5, burst: 2 });
    const writesBefore = leases.writes;

    // Act
    const refusals = [
      await limiter.take('slow', { ratePerSecond: 0.5, burst: 2 }),
      await limiter.take('slow', { ratePerSecond: 0.5, burst: 2 }),
    ];

    // Assess
    expect(refusals).toStrictEqual([2, 2]);
    expect(leases.writes).toBe(writesBefore);
  });

  it('limits a key with the instance’s own bucket while the shared one cannot be reached, and says so', async () => {
    // Prepare
    const leases = inMemoryRateLeases();
    leases.failing = true;
    const unavailable: unknown[] = [];
    const limiter = new SharedRateLimiter(
      leases,
      () => 0,
      (error) => unavailable.push((error as Error).name),
    );

    // Act
    const answers: number[] = [];
    for (let i = 0; i < 21; i++) answers.push(await limiter.take('k1', limit));

    // Assess
    expect(answers).toStrictEqual([...Array<number>(20).fill(0), 1]);
    expect(unavailable).toStrictEqual(['ThrottlingException']);
  });

  it('lets a request through on the instance’s own bucket when its lease lost every race while the shared bucket had tokens', async () => {
    // Prepare
    const contended: RateLeases = {
      lease: (keyId) => Promise.reject(new RateLeaseContendedError(keyId)),
    };
    const unavailable: unknown[] = [];
    const limiter = new SharedRateLimiter(
      contended,
      () => 0,
      (error) => unavailable.push(error),
    );

    // Act
    const answers = [
      await limiter.take('k1', { ratePerSecond: 1, burst: 2 }),
      await limiter.take('k1', { ratePerSecond: 1, burst: 2 }),
      await limiter.take('k1', { ratePerSecond: 1, burst: 2 }),
    ];

    // Assess: the instance's own bucket of 2, and no outage reported
    expect(answers).toStrictEqual([0, 0, 1]);
    expect(unavailable).toStrictEqual([]);
  });

  it('never refuses a request for the time its lease took: tokens granted by a slow write are good from when they arrive', async () => {
    // Prepare: every lease takes 1.5 s of the clock, longer than leased tokens live
    const leases = inMemoryRateLeases();
    let clock = 0;
    const slow: RateLeases = {
      lease: async (...args) => {
        const decision = await leases.lease(...args);
        clock += 1_500;
        return decision;
      },
    };
    const limiter = new SharedRateLimiter(slow, () => clock);

    // Act: ten requests of the key at once, then ten more one after another
    const together = await Promise.all(Array.from({ length: 10 }, () => limiter.take('k1', limit)));
    const after: number[] = [];
    for (let i = 0; i < 10; i++) after.push(await limiter.take('k1', limit));

    // Assess: 20 requests against a burst of 20, none refused
    expect([...together, ...after]).toStrictEqual(Array<number>(20).fill(0));
  });
});
