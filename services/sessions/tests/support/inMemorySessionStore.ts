import type {
  CommitOutcome,
  SessionChange,
  SessionStore,
  StoredSession,
  UserSessions,
} from '../../src/domain/types.js';

/**
 * A `SessionStore` in memory with the DynamoDB store's semantics, for unit tests: a user's archives
 * are written, then its state on condition of its version; the sessions of a user are its recent
 * ones (from its state) over its archived ones.
 */
export class InMemorySessionStore implements SessionStore {
  readonly archived = new Map<string, StoredSession>();
  readonly states = new Map<string, UserSessions>();
  /** Users whose changes fail as an unreachable table would make them */
  readonly failingUsers = new Set<string>();
  /** Every state write tried, in order: its user and whether it applied */
  readonly stateWrites: { userId: string; applied: boolean }[] = [];
  commits = 0;

  async loadUsers(userIds: readonly string[]): Promise<Map<string, UserSessions>> {
    return new Map(
      userIds.flatMap((userId) =>
        this.states.has(userId) ? [[userId, structuredClone(this.states.get(userId)!)] as const] : [],
      ),
    );
  }

  async commit(changes: readonly SessionChange[]): Promise<CommitOutcome> {
    this.commits++;
    const outcome: CommitOutcome = { applied: new Set(), conflicted: new Set(), failed: new Map() };
    for (const change of changes) {
      const { userId } = change;
      if (this.failingUsers.has(userId)) {
        outcome.failed.set(
          userId,
          Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8000'), { name: 'NetworkingError' }),
        );
        continue;
      }
      for (const session of change.archives)
        this.archived.set(`${userId}|${session.sessionNo}`, structuredClone(session));
      const applied = (this.states.get(userId)?.version ?? 0) === change.state.version - 1;
      this.stateWrites.push({ userId, applied });
      if (!applied) {
        outcome.conflicted.add(userId);
        continue;
      }
      this.states.set(userId, structuredClone(change.state));
      outcome.applied.add(userId);
    }
    return outcome;
  }

  async sessionsOf(userId: string): Promise<StoredSession[]> {
    const sessions = new Map(
      [...this.archived.values()].filter((s) => s.userId === userId).map((s) => [s.sessionNo, s]),
    );
    for (const { eventKeys: _keys, ...session } of this.states.get(userId)?.recent ?? [])
      sessions.set(session.sessionNo, session);
    return [...sessions.values()];
  }
}
