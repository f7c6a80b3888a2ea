/** Base class of every error the aggregate service raises on purpose. */
export class AggregationError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'AggregationError';
  }
}

/** `AGGREGATION_PERIOD_MINUTES` is not a whole number of minutes from 1 to 1440. */
export class InvalidPeriodError extends AggregationError {
  constructor(public readonly value: string) {
    super(`AGGREGATION_PERIOD_MINUTES must be a whole number of minutes from 1 to 1440, got '${value}'.`);
    this.name = 'InvalidPeriodError';
  }
}

/** `COUNTED_EVENTS_RETENTION_MINUTES` is not a whole number of minutes of at least one day. */
export class InvalidRetentionError extends AggregationError {
  constructor(public readonly value: string) {
    super(`COUNTED_EVENTS_RETENTION_MINUTES must be a whole number of minutes, at least 1440 (one day; ADR 0005 says why the default is 2880), got '${value}'.`);
    this.name = 'InvalidRetentionError';
  }
}

/**
 * The counter refused a count without naming an event it had already counted; retrying the same
 * count would loop, so the group fails and its records are re-delivered.
 */
export class CountRefusedError extends AggregationError {
  constructor(
    public readonly campaignItemId: number,
    public readonly windowStart: string,
  ) {
    super(`The count of window ${campaignItemId} @ ${windowStart} was refused without naming an already counted event.`);
    this.name = 'CountRefusedError';
  }
}
