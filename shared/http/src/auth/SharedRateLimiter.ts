import { KEY_CACHE_MAX_ENTRIES, LEASE_LIFETIME_MS, LEASE_SECONDS, SHARED_LIMIT_PAUSE_MS } from './constants.js';
import { RateLeaseContendedError } from './errors.js';
import { LruCache } from './LruCache.js';
import type { RateLeases } from './rateLeases.js';
import { TokenBucket } from './TokenBucket.js';
import type { RateLimit } from './leaseTokens.js';

/** What one instance holds of a key's shared bucket. */
interface KeyState {
  /** Tokens leased and not yet used, good until `expiresAt` */
  tokens: number;
  expiresAt: number;
  /** The shared bucket has no token before this time */
  refusedUntil: number;
  /** The shared state as this instance last saw it */
  believedArrivalMs?: number;
  /** A lease on its way: requests of the same key wait for it instead of asking again */
  leasing?: Promise<void>;
  /** While the shared bucket cannot be reached (until `localUntil`), this instance's own bucket limits the key */
  local?: TokenBucket;
  localUntil: number;
  /** Requests of the key this instance saw since `seenSince`, and its rate over the second before */
  seen: number;
  seenSince: number;
  recentRate: number;
}

/**
 * A key's rate limit held across every instance of every function: each instance leases from the
 * key's shared bucket (`RateLeases`) what it is likely to spend in the next tenth of a second (its
 * own recent rate of requests of the key, at least one token, at most a tenth of a second of the
 * key's rate), spends them locally, and refuses without asking again until the shared bucket has a
 * token. So a key gets its rate in total, however many instances serve it, for about one
 * conditional write per lease; an instance that sees the key rarely takes one token at a time, so
 * tokens it would not use are not taken from the instances that would.
 *
 * When the shared bucket cannot be reached, a key is limited by this instance's own bucket for a
 * few seconds rather than refused: an outage of the limiter's table must not refuse valid requests.
 *
 * @example
 * const limiter = new SharedRateLimiter(dynamoDbRateLeases(client, table), Date.now, (e) => logger.warn('…', { error: e }));
 * await limiter.take('3f9c2a71b0d4', { ratePerSecond: 10, burst: 20 }) // 0: go; or the seconds to wait
 */
export class SharedRateLimiter {
  private readonly keys = new LruCache<string, KeyState>(KEY_CACHE_MAX_ENTRIES);

  public constructor(
    private readonly leases: RateLeases,
    private readonly now: () => number,
    private readonly onUnavailable: (error: unknown) => void = () => undefined,
  ) {}

  /** 0 when one request of the key may go, otherwise the whole seconds until one may (at least 1). */
  public async take(keyId: string, limit: RateLimit): Promise<number> {
    const arrivedAt = this.now();
    let state = this.keys.get(keyId);
    if (!state) {
      state = { tokens: 0, expiresAt: 0, refusedUntil: 0, localUntil: 0, seen: 0, seenSince: arrivedAt, recentRate: 0 };
      this.keys.set(keyId, state);
    }
    countRequest(state, arrivedAt);
    // Requests of the key that arrive while a lease is on its way wait for it instead of asking again.
    while (state.leasing) await state.leasing;
    const at = this.now();
    if (at < state.localUntil) return state.local!.take(at);
    if (state.tokens >= 1 && at < state.expiresAt) {
      state.tokens -= 1;
      return 0;
    }
    if (at < state.refusedUntil) return Math.max(1, Math.ceil((state.refusedUntil - at) / 1000));
    // The request that leases is answered by its own lease, however long the write took.
    const answer = this.lease(keyId, state, limit, at);
    const leasing = answer.then(
      () => undefined,
      () => undefined,
    );
    state.leasing = leasing;
    try {
      return await answer;
    } finally {
      if (state.leasing === leasing) state.leasing = undefined;
    }
  }

  /** Leases the key's tokens for this instance and answers the request that asked: 0 or the seconds to wait. */
  private async lease(keyId: string, state: KeyState, limit: RateLimit, at: number): Promise<number> {
    const most = Math.max(1, Math.min(limit.burst, Math.ceil(limit.ratePerSecond * LEASE_SECONDS)));
    const likely = Math.ceil(Math.max(state.recentRate, state.seen) * LEASE_SECONDS);
    const wanted = Math.max(1, Math.min(most, likely));
    try {
      const decision = await this.leases.lease(keyId, state.believedArrivalMs, wanted, limit, at);
      if ('retryAfterMs' in decision) {
        Object.assign(state, { tokens: 0, refusedUntil: at + decision.retryAfterMs });
        return Math.max(1, Math.ceil(decision.retryAfterMs / 1000));
      }
      // Leased tokens live from when they arrive: a slow write must not expire them on the way.
      Object.assign(state, {
        tokens: decision.granted - 1,
        expiresAt: this.now() + LEASE_LIFETIME_MS,
        believedArrivalMs: decision.theoreticalArrivalMs,
      });
      return 0;
    } catch (error) {
      state.local ??= new TokenBucket(limit.ratePerSecond, limit.burst, at);
      // Lost races while the bucket had tokens: this one request is limited by the instance's own bucket.
      if (!(error instanceof RateLeaseContendedError)) {
        this.onUnavailable(error);
        state.localUntil = at + SHARED_LIMIT_PAUSE_MS;
      }
      return state.local.take(this.now());
    }
  }
}

/** Keeps the instance's rate of requests of the key over the last whole second. */
function countRequest(state: KeyState, at: number): void {
  state.seen += 1;
  if (at - state.seenSince >= 1000) {
    state.recentRate = (state.seen * 1000) / (at - state.seenSince);
    state.seen = 0;
    state.seenSince = at;
  }
}
