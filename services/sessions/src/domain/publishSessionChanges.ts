import { validateSession } from '@sdp/shared-contract';
import {
  publishTableChanges,
  type Publication,
  type PutOutcome,
  type StreamRecord,
  type TableChange,
} from '@sdp/shared-streams';
import { sessionIdOf } from './sessionIdOf.js';
import { toSession } from './toSession.js';
import type { StoredSession } from './types.js';
import { fromStateImage, STATE_SESSION_NO } from './userStateImage.js';

export interface PublishSessionChangesOptions {
  write: (records: readonly StreamRecord[]) => Promise<PutOutcome[]>;
  log: (message: string, data: Record<string, unknown>) => void;
}

/**
 * Publishes every new version of a session (new, extended, merged) to the sessions stream as a
 * `Session`, partitioned by `user_id` so a user's versions stay in order. A user's sessions change
 * in its state item (item 0, docs/adr/0019-counting-per-batch.md): a write publishes the recent
 * sessions whose version differs from the image before, and the sessions it merged into others
 * (their last version before, now `merged`). Archived sessions are not new versions and are left
 * out. Returns the changes the stream did not take as batch item failures. A consumer keeps, per
 * `session_id`, the version with the latest `updated_at`.
 *
 * @example
 * await publishSessionChanges([{ sequenceNumber: '100', newImage, oldImage }], { write, log })
 * // { batchItemFailures: [], published: 2, skipped: 0 }
 */
export function publishSessionChanges(changes: readonly TableChange[], { write, log }: PublishSessionChangesOptions) {
  return publishTableChanges(changes, {
    write,
    log,
    refusedMessage: 'the sessions stream did not take a session; it will be re-delivered',
    publicationOf: (image, oldImage) => {
      if (Number(image.session_no) !== STATE_SESSION_NO) return { publish: false };
      const state = fromStateImage(image);
      const before = oldImage ? fromStateImage(oldImage) : undefined;
      const previous = new Map(before?.recent.map((session) => [session.sessionNo, session]));
      const changed: StoredSession[] = state.recent
        .filter((session) => {
          const was = previous.get(session.sessionNo);
          return !was || was.updatedAt !== session.updatedAt || was.eventCount !== session.eventCount;
        })
        .map(({ eventKeys: _keys, ...session }) => session);
      for (const { sessionNo, into } of state.merged) {
        const was = previous.get(sessionNo);
        const joined = state.recent.find((session) => session.sessionNo === into);
        if (!was) continue;
        const { eventKeys: _keys, ...session } = was;
        changed.push({
          ...session,
          status: 'merged',
          mergedInto: sessionIdOf(state.userId, into),
          updatedAt: joined?.updatedAt ?? session.updatedAt,
        });
      }
      return changed.map(publicationOfSession);
    },
  });
}

function publicationOfSession(stored: StoredSession): Publication {
  const session = toSession(stored);
  if (validateSession(session)) return { publish: true, partitionKey: session.user_id, value: session };
  return {
    publish: false,
    log: {
      message: 'skipped a session that breaks the Session contract',
      data: { session, errors: validateSession.errors },
    },
  };
}
