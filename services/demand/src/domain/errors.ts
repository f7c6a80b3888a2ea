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
