import { randomUUID } from 'node:crypto';
import type { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { LocalFunction } from '../project/types.js';
import { FunctionCrashError, FunctionError, FunctionTimeoutError } from './errors.js';
import { WORKER_SOURCE } from './workerSource.js';

interface Instance {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
  /** Retires the instance once it has been free for the pool's idle timeout */
  idleTimer?: NodeJS.Timeout;
  pending?: { id: number; resolve: (value: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };
}

export interface FunctionPoolOptions {
  bundlePath: string;
  exportName: string;
  /** The function's whole environment: its own variables plus the local endpoints and credentials */
  environment: Record<string, string>;
  maxInstances: number;
  /** Where the instances' stdout and stderr go */
  logs: Writable;
  /** An instance free for this long is stopped, as Lambda recycles idle sandboxes (default 2 minutes; 0 keeps them) */
  idleTimeoutMs?: number;
  /** Called after every invocation, whatever its outcome, with how long it ran (what Lambda bills) */
  onInvocationEnd?: (durationMs: number) => void;
}

/** How long a free instance lives when the pool's options do not say. */
export const DEFAULT_IDLE_TIMEOUT_MS = 120_000;
/** How long a stop waits for the invocations in flight. */
const STOP_GRACE_MS = 10_000;

/**
 * The execution environments of one function: worker threads, each with its own module scope and
 * environment variables, each running one invocation at a time. Instances start on demand up to
 * `maxInstances`; further invocations wait for a free one. An instance that times out or crashes
 * is replaced, as Lambda replaces a sandbox, and one that stays free for `idleTimeoutMs` is stopped,
 * as Lambda recycles idle sandboxes, so an idle platform holds no memory for its functions.
 */
export class FunctionPool {
  readonly fn: LocalFunction;
  private readonly options: FunctionPoolOptions;
  private readonly instances = new Set<Instance>();
  private readonly waiting: { resolve: (instance: Instance) => void; reject: (error: Error) => void }[] = [];
  /** Invocations called and not yet ended */
  private running = 0;
  private onIdle: (() => void) | undefined;
  private nextId = 0;
  private stopped = false;
  invocations = 0;
  errors = 0;

  constructor(fn: LocalFunction, options: FunctionPoolOptions) {
    this.fn = fn;
    this.options = options;
  }

  /** Starts `count` instances ahead of traffic so the first requests skip the cold start. */
  async warm(count = 1): Promise<void> {
    const started = Array.from({ length: Math.min(count, this.options.maxInstances) - this.instances.size }, () =>
      this.spawn(),
    );
    started.forEach((instance) => this.startIdleTimer(instance));
    await Promise.all(started.map((instance) => instance.ready));
  }

  /** Runs one invocation; rejects with FunctionError, FunctionTimeoutError or FunctionCrashError. */
  async invoke(event: unknown): Promise<unknown> {
    // Counted from the call on, so that a stop in the meantime waits for it rather than retiring its instance.
    this.running++;
    try {
      const instance = await this.acquire();
      this.invocations++;
      const startedAt = performance.now();
      try {
        return await this.run(instance, event);
      } catch (error) {
        this.errors++;
        throw error;
      } finally {
        this.release(instance);
        this.options.onInvocationEnd?.(performance.now() - startedAt);
      }
    } finally {
      this.running--;
      if (this.running === 0) this.onIdle?.();
    }
  }

  /** How many instances are running an invocation right now */
  get busy(): number {
    return [...this.instances].filter((instance) => instance.pending !== undefined).length;
  }

  /** Invocations running or waiting for a free instance */
  get inFlight(): number {
    return [...this.instances].filter((instance) => instance.busy).length + this.waiting.length;
  }

  /** Instances alive now, busy or free */
  get size(): number {
    return this.instances.size;
  }

  /**
   * Kills every instance at once, as a crashed or recycled sandbox: invocations in flight fail with
   * FunctionCrashError and the next invocation starts a fresh instance. For fault tests.
   */
  async kill(): Promise<void> {
    await Promise.all(
      [...this.instances].map((instance) => this.retire(instance, new FunctionCrashError(this.fn.name, 'killed'))),
    );
  }

  /**
   * Refuses new invocations and fails those still waiting for an instance, lets those running
   * finish for up to `graceMs`, then stops every instance.
   */
  async stop(graceMs = STOP_GRACE_MS): Promise<void> {
    this.stopped = true;
    for (const waiter of this.waiting.splice(0))
      waiter.reject(new FunctionCrashError(this.fn.name, 'the local cloud is stopping'));
    if (this.running > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.onIdle = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    await Promise.all([...this.instances].map((instance) => this.retire(instance)));
  }

  private async acquire(): Promise<Instance> {
    if (this.stopped) throw new FunctionCrashError(this.fn.name, 'the local cloud is stopping');
    for (const instance of this.instances) {
      if (!instance.busy) {
        instance.busy = true;
        clearTimeout(instance.idleTimer);
        return instance;
      }
    }
    if (this.instances.size < this.options.maxInstances) {
      const instance = this.spawn();
      instance.busy = true;
      return instance;
    }
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  private release(instance: Instance): void {
    if (!this.instances.has(instance)) {
      // The instance was retired (timeout or crash): hand the waiter a fresh one.
      const next = this.waiting.shift();
      if (next && !this.stopped) {
        const replacement = this.spawn();
        replacement.busy = true;
        next.resolve(replacement);
      }
      return;
    }
    const next = this.waiting.shift();
    if (next) {
      next.resolve(instance);
      return;
    }
    instance.busy = false;
    this.startIdleTimer(instance);
  }

  private startIdleTimer(instance: Instance): void {
    const idleTimeoutMs = this.options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
    if (idleTimeoutMs <= 0) return;
    clearTimeout(instance.idleTimer);
    instance.idleTimer = setTimeout(() => {
      if (!instance.busy) void this.retire(instance);
    }, idleTimeoutMs);
    instance.idleTimer.unref();
  }

  private async run(instance: Instance, event: unknown): Promise<unknown> {
    await instance.ready;
    const timeoutMs = this.fn.timeoutSeconds * 1000;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        instance.pending = undefined;
        reject(new FunctionTimeoutError(this.fn.name, this.fn.timeoutSeconds));
        void this.retire(instance);
      }, timeoutMs);
      instance.pending = { id, resolve, reject, timer };
      instance.worker.postMessage({ id, event, requestId: randomUUID(), deadline: Date.now() + timeoutMs });
    });
  }

  private spawn(): Instance {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      env: this.options.environment,
      workerData: {
        bundlePath: this.options.bundlePath,
        exportName: this.options.exportName,
        functionName: this.fn.name,
        memorySize: this.fn.memorySize,
        invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${this.fn.name}`,
      },
      stdout: true,
      stderr: true,
      // LOCAL_CLOUD_CPU_PROFILE=<dir> writes a V8 CPU profile per instance, to see where a handler's time goes.
      ...(process.env.LOCAL_CLOUD_CPU_PROFILE
        ? { execArgv: ['--cpu-prof', `--cpu-prof-dir=${process.env.LOCAL_CLOUD_CPU_PROFILE}`] }
        : {}),
    });
    worker.stdout.pipe(this.options.logs, { end: false });
    worker.stderr.pipe(this.options.logs, { end: false });
    const instance: Instance = { worker, busy: false, ready: Promise.resolve() };
    instance.ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: WorkerMessage) => {
        if ('ready' in message) return resolve();
        if ('initError' in message) {
          const crash = new FunctionCrashError(this.fn.name, `init failed: ${message.initError.message}`);
          reject(crash);
          void this.retire(instance, crash);
          return;
        }
        const pending = instance.pending;
        if (!pending || pending.id !== message.id) return;
        clearTimeout(pending.timer);
        instance.pending = undefined;
        if (message.ok) pending.resolve(message.value);
        else pending.reject(new FunctionError(this.fn.name, message.error));
      });
      worker.on('error', (error) => {
        const crash = new FunctionCrashError(this.fn.name, error.message);
        reject(crash);
        void this.retire(instance, crash);
      });
      worker.on('exit', (code) => {
        const crash = new FunctionCrashError(this.fn.name, `exited with code ${code}`);
        // An instance stopped before it was ready must fail the invocation waiting for it, not strand it.
        reject(crash);
        void this.retire(instance, crash);
      });
    });
    instance.ready.catch(() => undefined);
    this.instances.add(instance);
    return instance;
  }

  private async retire(instance: Instance, reason?: Error): Promise<void> {
    if (!this.instances.delete(instance)) return;
    clearTimeout(instance.idleTimer);
    const pending = instance.pending;
    if (pending) {
      clearTimeout(pending.timer);
      instance.pending = undefined;
      pending.reject(reason ?? new FunctionCrashError(this.fn.name, 'instance stopped'));
    }
    await instance.worker.terminate();
  }
}

type WorkerMessage =
  | { ready: true }
  | { initError: { name: string; message: string } }
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string } };
