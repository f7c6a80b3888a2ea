import { abortableSleep } from './abortableSleep.js';
import type { CheckpointStore } from './CheckpointStore.js';
import { IDLE_POLL_MS, RETRY_BACKOFF_MS } from './constants.js';
import { type DeliveryContext, deliverBatch } from './deliverBatch.js';
import type { ShardPosition, ShardSource, SourceRecord } from './types.js';

export interface ShardPollerOptions extends Omit<DeliveryContext, 'shardId' | 'batchInfoKey' | 'commit'> {
  source: ShardSource;
  checkpoints: CheckpointStore;
  /** Position used when the shard has no checkpoint (a shard that appeared after the mapping was created). */
  defaultPosition: ShardPosition;
}

/**
 * Reads one shard from its checkpoint and delivers its records in order, one invocation at a time.
 *
 * Records are gathered until `batchSize` or until `maximumBatchingWindowInSeconds` has passed since
 * the first one; an idle shard is polled less and less often, from {@link IDLE_POLL_MS} ms up to the
 * source's `maxIdlePollMs`, and at once when {@link wake} says that records may have arrived.
 */
export class ShardPoller {
  private readonly shardId: string;
  private readonly options: ShardPollerOptions;
  /** Arrival time of the newest record read but not yet processed. */
  private newestPendingArrivalMs: number | undefined;
  /** Start of the latest read that found the shard's end with nothing left to deliver. */
  private caughtUpAtMs = Number.NEGATIVE_INFINITY;
  private lastReadStartMs = 0;
  /** Set by a wake during a read or a delivery: the next idle wait is skipped. */
  private woken = false;
  /** Set by a wake that asks for what is gathered to be delivered now, without waiting out the batching window */
  private flushing = false;
  private idlePollMs: number;
  private interruptIdleWait: { interruptedBy: 'any' | 'flush'; done: () => void } | undefined;

  public constructor(shardId: string, options: ShardPollerOptions) {
    this.shardId = shardId;
    this.options = options;
    this.idlePollMs = Math.min(IDLE_POLL_MS, options.source.maxIdlePollMs);
  }

  public lagMs(now = Date.now()): number {
    return this.newestPendingArrivalMs === undefined ? 0 : Math.max(0, now - this.newestPendingArrivalMs);
  }

  /**
   * When the latest read that found the end of the shard began, with every record before it
   * delivered: every record written before this time has been processed. A `performance.now()`
   * time, finer than a millisecond, so that a write in the same millisecond as a read is not
   * mistaken for one before it.
   */
  public caughtUpAt(): number {
    return this.caughtUpAtMs;
  }

  /**
   * Records may have arrived: an idle poller reads again now (at most every `minWakeIntervalMs` of
   * its source). With `flush` (waitForIdle), it reads without that pause and records gathered for a
   * batching window are delivered at once (Lambda too invokes before the window ends when a batch
   * fills), until the poller has caught up.
   */
  public wake(options: { flush?: boolean } = {}): void {
    this.woken = true;
    if (options.flush) this.flushing = true;
    if (options.flush || this.interruptIdleWait?.interruptedBy === 'any') this.interruptIdleWait?.done();
  }

  /** Resolves `finished` once a closed shard is fully processed, `stopped` when the signal aborts. */
  public async run(): Promise<'finished' | 'stopped'> {
    const { source, checkpoints, trigger, signal } = this.options;
    const start = (await checkpoints.read(this.shardId)) ?? this.options.defaultPosition;
    if (start.type === 'SHARD_END') return 'finished';
    const notBeforeMs = start.type === 'AT_TIMESTAMP' ? start.timestampMs : 0;
    const batchSize = Math.max(1, trigger.batchSize);
    const windowMs = trigger.maximumBatchingWindowInSeconds * 1000;
    let readPosition: ShardPosition = start;
    let iterator: string | undefined | null = null;
    const buffer: SourceRecord[] = [];
    let firstBufferedAt = 0;
    let failures = 0;
    const delivery = this.deliveryContext();

    while (!signal.aborted) {
      let fetched = 0;
      try {
        if (iterator === null) iterator = await source.getIterator(this.shardId, readPosition);
        if (iterator !== undefined && buffer.length < batchSize) {
          const limit = Math.min(batchSize - buffer.length, source.maxRecordsPerRead);
          const readStartMs = performance.now();
          this.lastReadStartMs = Date.now();
          this.woken = false;
          const page = await source.getRecords(this.shardId, iterator, limit);
          iterator = page.nextIterator;
          fetched = page.records.length;
          const last = page.records[page.records.length - 1];
          if (last !== undefined) readPosition = { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: last.sequenceNumber };
          const wanted = page.records.filter((record) => record.arrivalMs >= notBeforeMs);
          if (wanted.length > 0 && buffer.length === 0) firstBufferedAt = Date.now();
          buffer.push(...wanted);
          this.newestPendingArrivalMs = buffer[buffer.length - 1]?.arrivalMs;
          if (fetched === 0 && buffer.length === 0) {
            this.caughtUpAtMs = readStartMs;
            this.flushing = false;
          }
        }
        failures = 0;
      } catch (error) {
        if (signal.aborted) break;
        iterator = null;
        if (source.needsFreshIterator(error)) continue;
        failures += 1;
        // One failed read that the next makes good (a connection reset in a keep-alive race, a busy
        // machine) is not worth a line; a shard whose reads keep failing is.
        if (failures >= 2)
          this.options.log('shard read failed', {
            shardId: this.shardId,
            error: (error as Error).message,
            attempts: failures,
          });
        await abortableSleep(Math.min(RETRY_BACKOFF_MS.first * 2 ** failures, RETRY_BACKOFF_MS.max), signal);
        continue;
      }

      const windowLeftMs = this.flushing ? 0 : windowMs - (Date.now() - firstBufferedAt);
      if (buffer.length > 0 && (buffer.length >= batchSize || iterator === undefined || windowLeftMs <= 0)) {
        const outcome = await deliverBatch(buffer.splice(0, batchSize), delivery);
        if (buffer.length > 0) firstBufferedAt = Date.now();
        else this.newestPendingArrivalMs = undefined;
        if (outcome === 'stopped') return 'stopped';
        continue;
      }
      if (iterator === undefined) {
        await checkpoints.write(this.shardId, { type: 'SHARD_END' });
        return 'finished';
      }
      if (fetched > 0) {
        this.idlePollMs = Math.min(IDLE_POLL_MS, source.maxIdlePollMs);
      } else if (buffer.length > 0) {
        await this.idleWait(Math.min(IDLE_POLL_MS, windowLeftMs), signal);
      } else {
        await this.idleWait(this.idlePollMs, signal);
        this.idlePollMs = Math.min(this.idlePollMs * 2, source.maxIdlePollMs);
      }
    }
    return 'stopped';
  }

  /**
   * Waits `ms` before the next read, less when woken, but never reads again within the source's
   * `minWakeIntervalMs` unless flushing.
   */
  private async idleWait(ms: number, signal: AbortSignal): Promise<void> {
    if (!this.woken) await this.interruptibleSleep(ms, signal, 'any');
    const tooSoonMs = this.options.source.minWakeIntervalMs - (Date.now() - this.lastReadStartMs);
    if (tooSoonMs > 0 && !this.flushing) await this.interruptibleSleep(Math.min(tooSoonMs, ms), signal, 'flush');
  }

  /** Sleeps `ms`, or until the signal aborts or a wake of the given kind comes. */
  private async interruptibleSleep(ms: number, signal: AbortSignal, interruptedBy: 'any' | 'flush'): Promise<void> {
    if (signal.aborted) return;
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.interruptIdleWait = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener('abort', done, { once: true });
      this.interruptIdleWait = { interruptedBy, done };
    });
  }

  private deliveryContext(): DeliveryContext {
    const { source, checkpoints, ...rest } = this.options;
    return {
      ...rest,
      shardId: this.shardId,
      batchInfoKey: source.batchInfoKey,
      commit: (record) =>
        checkpoints.write(this.shardId, { type: 'AFTER_SEQUENCE_NUMBER', sequenceNumber: record.sequenceNumber }),
    };
  }
}
