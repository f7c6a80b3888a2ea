import { abortableSleep } from './abortableSleep.js';
import { CheckpointStore } from './CheckpointStore.js';
import { SHARD_DISCOVERY_MS } from './constants.js';
import { findShardTip } from './findShardTip.js';
import { mappingUuid } from './mappingUuid.js';
import { ShardPoller } from './ShardPoller.js';
import type { StreamActivity } from './StreamActivity.js';
import type {
  EventSourceMapping,
  Invoke,
  MappingStats,
  OnFailureSink,
  ShardInfo,
  ShardPosition,
  ShardSource,
  StreamTrigger,
} from './types.js';

export interface StreamEventSourceMappingDeps {
  source: ShardSource;
  stateDir: string;
  onFailure: OnFailureSink;
  log: (msg: string, data?: object) => void;
  /** Announcements of writes that wake idle pollers */
  activity?: StreamActivity;
}

/**
 * One function's mapping to one stream: a poller per shard, started once its parent shards are
 * fully processed, and shards re-listed every {@link SHARD_DISCOVERY_MS} ms to follow resharding.
 */
export class StreamEventSourceMapping implements EventSourceMapping {
  public readonly uuid: string;
  private readonly trigger: StreamTrigger;
  private readonly invoke: Invoke;
  private readonly deps: StreamEventSourceMappingDeps;
  private readonly checkpoints: CheckpointStore;
  private readonly counters = { delivered: 0, failedInvocations: 0, sentToOnFailure: 0 };
  private readonly pollers = new Map<string, ShardPoller>();
  private running: { controller: AbortController; supervisor: Promise<void>; unsubscribe: () => void } | undefined;

  public constructor(trigger: StreamTrigger, invoke: Invoke, deps: StreamEventSourceMappingDeps) {
    this.uuid = mappingUuid(trigger.functionName, trigger.streamArn);
    this.trigger = trigger;
    this.invoke = invoke;
    this.deps = deps;
    this.checkpoints = new CheckpointStore(deps.stateDir, this.uuid);
  }

  public async start(): Promise<void> {
    if (this.running !== undefined) return;
    const shards = await this.deps.source.listShards();
    if (!(await this.checkpoints.isInitialized())) await this.recordStartingPositions(shards);
    const controller = new AbortController();
    const unsubscribe =
      this.deps.activity?.subscribe(this.trigger.kind, activityKey(this.trigger), () => this.wake()) ??
      (() => undefined);
    this.running = { controller, supervisor: this.supervise(controller.signal, shards), unsubscribe };
  }

  public async stop(): Promise<void> {
    const running = this.running;
    if (running === undefined) return;
    running.unsubscribe();
    running.controller.abort();
    await running.supervisor;
    this.running = undefined;
  }

  public stats(): MappingStats {
    const now = Date.now();
    const lags = [...this.pollers.values()].map((poller) => poller.lagMs(now));
    return { ...this.counters, lagMs: Math.max(0, ...lags) };
  }

  /**
   * The earliest time up to which every shard's records have all been processed (see
   * {@link ShardPoller.caughtUpAt}); +Infinity when no shard is being read.
   */
  public caughtUpAt(): number {
    return Math.min(Number.POSITIVE_INFINITY, ...[...this.pollers.values()].map((poller) => poller.caughtUpAt()));
  }

  /** Makes every idle poller read now; with `flush`, deliver what it gathered for a batching window too. */
  public wake(options: { flush?: boolean } = {}): void {
    for (const poller of this.pollers.values()) poller.wake(options);
  }

  /** Shards that exist when the mapping is created start at `startingPosition`; later ones at their start. */
  private async recordStartingPositions(shards: ShardInfo[]): Promise<void> {
    for (const { shardId } of shards) {
      if ((await this.checkpoints.read(shardId)) !== undefined) continue;
      await this.checkpoints.write(shardId, await this.startingPosition(shardId));
    }
    await this.checkpoints.markInitialized({
      functionName: this.trigger.functionName,
      streamArn: this.trigger.streamArn,
    });
  }

  private async startingPosition(shardId: string): Promise<ShardPosition> {
    switch (this.trigger.startingPosition) {
      case 'TRIM_HORIZON':
        return { type: 'TRIM_HORIZON' };
      case 'AT_TIMESTAMP':
        return { type: 'AT_TIMESTAMP', timestampMs: (this.trigger.startingPositionTimestamp ?? 0) * 1000 };
      case 'LATEST':
        return findShardTip(this.deps.source, shardId);
    }
  }

  private async supervise(signal: AbortSignal, initialShards: ShardInfo[]): Promise<void> {
    const active = new Map<string, Promise<void>>();
    const finished = new Set<string>();
    let wake: () => void = () => undefined;
    let shards = initialShards;
    while (!signal.aborted) {
      const known = new Set(shards.map((shard) => shard.shardId));
      for (const shard of shards) {
        if (active.has(shard.shardId) || finished.has(shard.shardId)) continue;
        const parentsDone = shard.parentShardIds.every((parent) => !known.has(parent) || finished.has(parent));
        if (!parentsDone) continue;
        const poller = this.createPoller(shard.shardId, signal);
        this.pollers.set(shard.shardId, poller);
        const run = poller
          .run()
          .then((outcome) => {
            if (outcome === 'finished') finished.add(shard.shardId);
          })
          .catch((error: unknown) =>
            this.deps.log('shard poller failed', { shardId: shard.shardId, error: String(error) }),
          )
          .finally(() => {
            active.delete(shard.shardId);
            this.pollers.delete(shard.shardId);
            wake();
          });
        active.set(shard.shardId, run);
      }
      const wakeUp = new AbortController();
      wake = () => wakeUp.abort();
      await abortableSleep(SHARD_DISCOVERY_MS, AbortSignal.any([signal, wakeUp.signal]));
      if (signal.aborted) break;
      try {
        shards = await this.deps.source.listShards();
      } catch (error) {
        this.deps.log('listing shards failed', { error: (error as Error).message });
      }
    }
    await Promise.all(active.values());
  }

  private createPoller(shardId: string, signal: AbortSignal): ShardPoller {
    return new ShardPoller(shardId, {
      source: this.deps.source,
      checkpoints: this.checkpoints,
      defaultPosition: { type: 'TRIM_HORIZON' },
      trigger: this.trigger,
      invoke: this.invoke,
      onFailure: this.deps.onFailure,
      stats: this.counters,
      signal,
      log: this.deps.log,
    });
  }
}

/** How writes to the mapping's stream are announced: Kinesis by stream name, DynamoDB by stream ARN. */
const activityKey = (trigger: StreamTrigger): string =>
  trigger.kind === 'kinesis' ? (/:stream\/(.+)$/.exec(trigger.streamArn)?.[1] ?? trigger.streamArn) : trigger.streamArn;
