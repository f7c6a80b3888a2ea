import { publishTableChanges, validateSession, type PutOutcome, type StreamRecord, type TableChange } from '@sdp/shared';
import { storedSessionOf } from './storedSessionOf.js';
import { toSession } from './toSession.js';

export interface PublishSessionChangesOptions {
  write: (records: readonly StreamRecord[]) => Promise<PutOutcome[]>;
  log: (message: string, data: Record<string, unknown>) => void;
}

/**
 * Publishes every new version of a session (new, extended, merged) to the sessions stream as a
 * `Session`, partitioned by `user_id` so a user's versions stay in order; users' state items are not
 * sessions and are left out. Returns the changes the stream did not take as batch item failures.
 * A consumer keeps, per `session_id`, the version with the latest `updated_at`.
 *
 * @example
 * await publishSessionChanges([{ sequenceNumber: '100', newImage }], { write, log })
 * // { batchItemFailures: [], published: 1, skipped: 0 }
 */
export function publishSessionChanges(changes: readonly TableChange[], { write, log }: PublishSessionChangesOptions) {
  return publishTableChanges(changes, {
    write,
    log,
    refusedMessage: 'the sessions stream did not take a session; it will be re-delivered',
    publicationOf: (image) => {
      const stored = storedSessionOf(image);
      if (!stored) return { publish: false };
      const session = toSession(stored);
      if (validateSession(session)) return { publish: true, partitionKey: session.user_id, value: session };
      return { publish: false, log: { message: 'skipped a session that breaks the Session contract', data: { session, errors: validateSession.errors } } };
    },
  });
}
