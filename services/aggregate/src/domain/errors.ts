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
