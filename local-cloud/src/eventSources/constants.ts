export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_REGION = 'us-east-1';
export const INVOKE_IDENTITY_ARN = `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/local`;

/**
 * The first wait after a read that found nothing; each further empty read doubles it up to the
 * source's `maxIdlePollMs`. Writes the local cloud sees (StreamActivity) wake a poller at once, so an
 * idle shard costs almost nothing and freshness does not wait for the poll.
 */
export const IDLE_POLL_MS = 200;
/** How often shards are re-listed to pick up resharding (a shard that closes also makes its mapping re-list at once). */
export const SHARD_DISCOVERY_MS = 30_000;
/** First and largest wait between retries of a failed batch. */
export const RETRY_BACKOFF_MS = { first: 100, max: 2_000 } as const;
