type Listener = () => void;

/**
 * Tells shard pollers that a stream may hold new records, so that an idle poller reads at once
 * instead of at its next idle poll. Kinesis writes are announced per stream by the emulator that
 * took them; DynamoDB stream writes, which happen inside DynamoDB Local, are announced for every
 * table when a function invocation ends (functions are what write the tables).
 *
 * A missed announcement costs freshness, never records: pollers still read an idle shard every
 * {@link IDLE_POLL_MS} ms.
 *
 * @example
 * ```ts
 * const activity = new StreamActivity();
 * const unsubscribe = activity.subscribe('kinesis', 'raw-events', () => poller.wake());
 * activity.notify('kinesis', 'raw-events');
 * ```
 */
export class StreamActivity {
  private readonly listeners = new Map<string, Set<Listener>>();

  /** Calls `listener` whenever `stream` (a Kinesis stream name or a DynamoDB stream ARN) may have new records. */
  public subscribe(kind: 'kinesis' | 'dynamodb', stream: string, listener: Listener): () => void {
    const key = `${kind}:${stream}`;
    const listeners = this.listeners.get(key) ?? new Set();
    listeners.add(listener);
    this.listeners.set(key, listeners);
    return () => listeners.delete(listener);
  }

  /** Announces new records in one stream, or in every stream of `kind` when `stream` is left out. */
  public notify(kind: 'kinesis' | 'dynamodb', stream?: string): void {
    if (stream !== undefined) {
      this.listeners.get(`${kind}:${stream}`)?.forEach((listener) => listener());
      return;
    }
    for (const [key, listeners] of this.listeners)
      if (key.startsWith(`${kind}:`)) listeners.forEach((listener) => listener());
  }
}
