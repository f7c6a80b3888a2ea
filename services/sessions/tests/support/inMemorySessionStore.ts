import { ConcurrentSessionChangeError } from '../../src/domain/errors.js';
import type { SessionChange, SessionStore, StoredSession } from '../../src/domain/types.js';

/** A `SessionStore` in memory with the DynamoDB store's all-or-nothing commits, for unit tests. */
export class InMemorySessionStore implements SessionStore {
  readonly sessions = new Map<string, StoredSession>();
  readonly claimed = new Set<string>();
  readonly counters = new Map<string, number>();
  commits = 0;
  /** Set to make the next commits of these users fail as a crashed call would */
  readonly failingUsers = new Set<string>();

  async activeSessionsNear(userId: string, fromMs: number, toMs: number): Promise<StoredSession[]> {
    return [...this.sessions.values()].filter((s) => s.userId === userId && s.status === 'active' && s.endMs >= fromMs && s.startMs <= toMs);
  }

  async lastSessionNo(userId: string): Promise<number> {
    return this.counters.get(userId) ?? 0;
  }

  async commit(change: SessionChange): Promise<{ alreadyClaimed: string[] }> {
    if (this.failingUsers.has(change.userId)) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { name: 'NetworkingError' });
    const alreadyClaimed = change.claims.map((c) => c.eventKey).filter((key) => this.claimed.has(`${change.userId}|${key}`));
    if (alreadyClaimed.length > 0) return { alreadyClaimed };
    for (const { session, expectedVersion } of change.writes) {
      const current = this.sessions.get(`${session.userId}|${session.sessionNo}`);
      if (expectedVersion === undefined ? current !== undefined : current?.version !== expectedVersion) throw new ConcurrentSessionChangeError(change.userId);
    }
    if (change.sessionNumbers && (this.counters.get(change.userId) ?? 0) !== change.sessionNumbers.from) throw new ConcurrentSessionChangeError(change.userId);
    for (const claim of change.claims) this.claimed.add(`${change.userId}|${claim.eventKey}`);
    for (const { session } of change.writes) this.sessions.set(`${session.userId}|${session.sessionNo}`, session);
    if (change.sessionNumbers) this.counters.set(change.userId, change.sessionNumbers.to);
    this.commits++;
    return { alreadyClaimed: [] };
  }

  async sessionsOf(userId: string): Promise<StoredSession[]> {
    return [...this.sessions.values()].filter((s) => s.userId === userId);
  }
}
