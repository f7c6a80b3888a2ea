import { TokenBucket } from '../src/index.js';

describe('TokenBucket', () => {
  it('lets a burst through, then the steady rate, and says how long to wait', () => {
    // Prepare
    const bucket = new TokenBucket(2, 3, 0);

    // Act
    const burst = [0, 0, 0, 0].map((at) => bucket.take(at));
    const afterHalfSecond = bucket.take(500);
    const rightAfter = bucket.take(500);
    const afterLongIdle = [60_000, 60_000, 60_000, 60_000].map((at) => bucket.take(at));

    // Assess
    expect(burst).toStrictEqual([0, 0, 0, 1]);
    expect([afterHalfSecond, rightAfter]).toStrictEqual([0, 1]);
    expect(afterLongIdle).toStrictEqual([0, 0, 0, 1]);
  });

  it('counts whole seconds to wait when the rate is below one per second', () => {
    // Prepare
    const bucket = new TokenBucket(0.1, 1, 0);

    // Act
    const first = bucket.take(0);
    const second = bucket.take(0);

    // Assess
    expect([first, second]).toStrictEqual([0, 10]);
  });
});
