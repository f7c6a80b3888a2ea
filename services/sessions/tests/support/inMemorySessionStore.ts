import type { CommitOutcome, SessionChange, SessionStore, StoredSession, UserSessions } from '../../src/domain/types.js';

/** A `SessionStore` in memory with the DynamoDB store's all-or-nothing changes, for unit tests. */
export class InMemorySessionStore implements SessionStore {
  readonly sessions = new Map<string, StoredSession>();
  readonly states = new Map<string, UserSessions>();
  readonly claimed = new Set<string>();
  /** Users whose changes fail as an unreachable table would make them */
  readonly failingUsers = new Set<string>();
  commits = 0;

  async loadUsers(userIds: readonly string[]): Promise<Map<string, UserSessions>> {
    return new Map(userIds.flatMap((userId) => (this.states.has(userId) ? [[userId, structuredClone(this.states.get(userId)!)] as const] : [])));
  }

  async commit(changes: readonly SessionChange[]): Promise<CommitOutcome> {
    this.commits++;
    const outcome: CommitOutcome = { applied: new Set(), alreadyClaimed: new Map(), conflicted: new Set(), failed: new Map() };
    for (const change of changes) {
      const { userId } = change;
      if (this.failingUsers.has(userId)) {
        outcome.failed.set(userId, Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { name: 'NetworkingError' }));
        continue;
      }
      const claimed = change.claims.map((claim) => claim.eventKey).filter((key) => this.claimed.has(`${userId}|${key}`));
      if (claimed.length > 0) {
        outcome.alreadyClaimed.set(userId, claimed);
        continue;
      }
      if ((this.states.get(userId)?.version ?? 0) !== change.state.version - 1) {
        outcome.conflicted.add(userId);
        continue;
      }
      for (const claim of change.claims) this.claimed.add(`${userId}|${claim.eventKey}`);
      for (const session of change.writes) this.sessions.set(`${userId}|${session.sessionNo}`, structuredClone(session));
      this.states.set(userId, structuredClone(change.state));
      outcome.applied.add(userId);
    }
    return outcome;
  }

  async sessionsOf(userId: string): Promise<StoredSession[]> {
    return [...this.sessions.values()].filter((s) => s.userId === userId);
  }
}
