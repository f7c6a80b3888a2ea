import type { FailedEventStore, RecordFailure } from '../../src/index.js';

/** An in-memory failed-events store that keeps what it was told, as the DynamoDB one does. */
export function memoryFailedEventStore() {
  const attempts = new Map<string, number>();
  const setAside: RecordFailure[] = [];
  const store: FailedEventStore = {
    async recordAttempt(failure, maxAttempts) {
      const n = (attempts.get(failure.sequenceNumber) ?? 0) + 1;
      attempts.set(failure.sequenceNumber, n);
      if (n >= maxAttempts) setAside.push(failure);
      return { attempts: n, setAside: n >= maxAttempts };
    },
    async setAside(failure) {
      setAside.push(failure);
    },
    async wasSetAside(_functionName, shardId, sequenceNumber) {
      return setAside.some((failure) => failure.shardId === shardId && failure.sequenceNumber === sequenceNumber);
    },
  };
  return { store, attempts, setAside };
}
