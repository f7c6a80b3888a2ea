/** Base class of every error the sessions service raises on purpose. */
export class SessionsError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SessionsError';
  }
}

/**
 * A session or the user's session counter changed between reading and writing it: another writer
 * works on the same user. The user's records are re-delivered and sessionized from the new state.
 */
export class ConcurrentSessionChangeError extends SessionsError {
  constructor(
    public readonly userId: string,
    options?: ErrorOptions,
  ) {
    super(
      `The sessions of user '${userId}' changed while they were being updated; the records will be sessionized again.`,
      options,
    );
    this.name = 'ConcurrentSessionChangeError';
  }
}
