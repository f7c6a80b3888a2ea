/** Base class of every error the demand service raises on purpose. */
export class DemandError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DemandError';
  }
}

/** A setting of the service is outside what it supports. */
export class InvalidDemandSettingError extends DemandError {
  constructor(
    public readonly setting: string,
    public readonly value: string,
    expected: string,
  ) {
    super(`${setting} must be ${expected}, got '${value}'.`);
    this.name = 'InvalidDemandSettingError';
  }
}

/**
 * The counter refused a count without naming an event it had already counted; retrying the same
 * count would loop, so the group fails and its records are re-delivered.
 */
export class CountRefusedError extends DemandError {
  constructor(
    public readonly productId: string,
    public readonly windowStart: string,
  ) {
    super(`The count of product ${productId}'s window ${windowStart} was refused without naming an already counted event.`);
    this.name = 'CountRefusedError';
  }
}
