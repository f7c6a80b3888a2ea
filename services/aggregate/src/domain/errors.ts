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

/** A sequence number that is not the decimal number Kinesis documents; comparing it would be meaningless. */
export class InvalidSequenceNumberError extends AggregationError {
  constructor(public readonly sequenceNumber: string) {
    super(`'${sequenceNumber}' is not a Kinesis sequence number (at most 129 decimal digits).`);
    this.name = 'InvalidSequenceNumberError';
  }
}

/**
 * Another writer changed a window's applied sequence number between every read and write of the slow
 * path; the group is left unapplied and its records are reported for re-delivery.
 */
export class WindowUpdateConflictError extends AggregationError {
  constructor(
    public readonly campaignItemId: number,
    public readonly windowStart: string,
    public readonly attempts: number,
  ) {
    super(`Window ${campaignItemId} @ ${windowStart} kept changing under ${attempts} conditional updates.`);
    this.name = 'WindowUpdateConflictError';
  }
}
