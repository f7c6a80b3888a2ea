/** Base class of every error the enrich service raises on purpose. */
export class EnrichError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'EnrichError';
  }
}

/** A setting of the service is outside what it supports. */
export class InvalidJoinSettingError extends EnrichError {
  constructor(
    public readonly setting: string,
    public readonly value: string,
    expected: string,
  ) {
    super(`${setting} must be ${expected}, got '${value}'.`);
    this.name = 'InvalidJoinSettingError';
  }
}
