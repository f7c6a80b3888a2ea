/**
 * A setting (an environment variable a function or tool reads) is missing or outside what it
 * accepts. Raised at cold start, so a wrong value stops a deployment's first invocation with a
 * message that names the setting, what it accepts and, where it has one, its default.
 */
export class InvalidSettingError extends Error {
  public constructor(
    public readonly setting: string,
    public readonly value: string,
    expected: string,
  ) {
    super(
      value === ''
        ? `${setting} is not set; it must be ${expected}.`
        : `${setting} must be ${expected}, got '${value}'.`,
    );
    this.name = 'InvalidSettingError';
  }
}
