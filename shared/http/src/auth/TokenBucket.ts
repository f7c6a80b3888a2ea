/**
 * A token bucket: `burst` requests at once, refilled at `ratePerSecond`. `take` answers 0 when a
 * request may go, otherwise the seconds until one may (at least 1, as `Retry-After` counts).
 *
 * @example
 * const bucket = new TokenBucket(10, 20, Date.now());
 * bucket.take(Date.now()) // 0
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.updatedAt = nowMs;
  }

  take(nowMs: number): number {
    const elapsedSeconds = Math.max(0, nowMs - this.updatedAt) / 1000;
    this.tokens = Math.min(this.burst, this.tokens + elapsedSeconds * this.ratePerSecond);
    this.updatedAt = nowMs;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - this.tokens) / this.ratePerSecond));
  }
}
