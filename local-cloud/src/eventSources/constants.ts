export const LOCAL_ACCOUNT_ID = '000000000000';
export const LOCAL_REGION = 'us-east-1';
export const INVOKE_IDENTITY_ARN = `arn:aws:iam::${LOCAL_ACCOUNT_ID}:role/local`;

/** Idle poll interval of a shard: sub-second freshness without spinning. */
export const IDLE_POLL_MS = 200;
/** How often shards are re-listed to pick up resharding. */
export const SHARD_DISCOVERY_MS = 5_000;
/** First and largest wait between retries of a failed batch. */
export const RETRY_BACKOFF_MS = { first: 100, max: 2_000 } as const;
