/**
 * Every default of the services' configuration, in one place. A default the code also needs is
 * imported from the code (shared/), never written twice.
 */
import { DEFAULT_MAX_ATTEMPTS } from '@sdp/shared-streams';
import { param } from './intrinsics.js';

/** How long every Kinesis stream and DynamoDB table stream keeps a record (the DynamoDB streams' fixed 24 h). */
export const STREAM_RETENTION_HOURS = 24;

/**
 * A consumer's batch is retried without a count limit until its records are this old, an hour short of
 * the retention: processStreamBatch (processTableChangeBatch) sets a record that keeps failing aside
 * itself, so only an outage holds a batch (docs/adr/0014-failed-events.md).
 */
export const MAX_RECORD_AGE_SECONDS = (STREAM_RETENTION_HOURS - 1) * 3600;

/** A consumer's on-failure queue keeps what it gets for 14 days, SQS's longest. */
export const FAILURE_QUEUE_RETENTION_SECONDS = 14 * 24 * 3600;

/** Attempts before a record that keeps failing is set aside (the code's own default, shared/streams/src/failures). */
export const FAILED_EVENT_MAX_ATTEMPTS = param('failedEventMaxAttempts', String(DEFAULT_MAX_ATTEMPTS));

/** A table-change consumer reads up to this many changes a batch. */
export const TABLE_CHANGE_BATCH_SIZE = 100;

/**
 * Every stream consumer reserves its own concurrency, so a flood of HTTP requests cannot take the
 * account's Lambda concurrency from the consumers. A consumer needs one instance per shard of its
 * source (parallelization 1); raise consumerReservedConcurrency with the shard counts. The account
 * keeps at least 100 unreserved, so a new account with a low concurrency quota may need a quota
 * increase first.
 */
export const CONSUMER_RESERVED_CONCURRENCY = param('consumerReservedConcurrency', 5);

/**
 * A stream consumer may run this long on one batch (unless its own `timeout` says otherwise). A
 * backlog (a burst, an import of history, a consumer catching up) hands it full batches of up to
 * 1,000 records, each with a few DynamoDB calls; a timeout throws the batch's work away and starts
 * it again, so the limit covers a full batch on a slow dependency with room to spare.
 */
export const CONSUMER_TIMEOUT_SECONDS = 60;

/**
 * How long after a shopper's tombstone is written their data starts being removed
 * (docs/adr/0022-erasure.md): a consumer's batch that read the tombstones just before may still write
 * for as long as a consumer runs, so by default the consumers' timeout.
 */
export const ERASURE_SETTLE_SECONDS = param('erasureSettleSeconds', String(CONSUMER_TIMEOUT_SECONDS));

/** Every HTTP API stage throttles all its routes (requests per second and burst). */
export const HTTP_API_RATE_LIMIT = param('httpApiRateLimit', 1000);
export const HTTP_API_BURST_LIMIT = param('httpApiBurstLimit', 2000);

/** An API function may run this long: HTTP APIs wait at most 30 s. */
export const API_MAX_TIMEOUT_SECONDS = 29;
