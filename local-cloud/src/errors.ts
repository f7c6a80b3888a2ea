/**
 * Base class of every error the local cloud raises, so callers can tell our errors from library ones.
 */
export class LocalCloudError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LocalCloudError';
  }
}

/** `java` or `javac` is not on the PATH, so DynamoDB Local cannot start (its loopback launcher is compiled at first start). */
export class JavaNotFoundError extends LocalCloudError {
  public constructor(options?: ErrorOptions) {
    super(
      'DynamoDB Local needs a Java development kit (17 or newer) and `java` or `javac` was not found on the PATH. ' +
        'Install one with `sudo apt-get install -y openjdk-17-jdk-headless` (Debian/Ubuntu) or ' +
        '`brew install openjdk@17` (macOS), then run again.',
      options,
    );
    this.name = 'JavaNotFoundError';
  }
}

/** An emulator process or server did not come up. */
export class EmulatorStartError extends LocalCloudError {
  public readonly emulator: string;

  public constructor(emulator: string, message: string, options?: ErrorOptions) {
    super(`${emulator} did not start: ${message}`, options);
    this.name = 'EmulatorStartError';
    this.emulator = emulator;
  }
}

/** A `schedule` event's expression is neither `rate(...)` nor a six-field AWS `cron(...)`. */
export class InvalidScheduleExpressionError extends LocalCloudError {
  public readonly expression: string;

  public constructor(expression: string, reason: string, options?: ErrorOptions) {
    super(
      `Invalid schedule expression "${expression}": ${reason}. ` +
        'Use rate(5 minutes) or cron(0 12 * * ? *) as in AWS EventBridge.',
      options,
    );
    this.name = 'InvalidScheduleExpressionError';
    this.expression = expression;
  }
}

/** A stream trigger refers to a stream ARN the local cloud cannot parse. */
export class InvalidStreamArnError extends LocalCloudError {
  public readonly streamArn: string;

  public constructor(streamArn: string, options?: ErrorOptions) {
    super(
      `Cannot read a stream name from "${streamArn}". Expected arn:aws:kinesis:<region>:<account>:stream/<name> ` +
        'or arn:aws:dynamodb:<region>:<account>:table/<table>/stream/<label>.',
      options,
    );
    this.name = 'InvalidStreamArnError';
    this.streamArn = streamArn;
  }
}

/** A template's Ref or Fn::GetAtt points at a resource the local cloud does not provide (e.g. CloudFront). */
export class NoLocalCounterpartError extends LocalCloudError {
  public readonly logicalId: string;

  public constructor(stackName: string, logicalId: string, expression: string, options?: ErrorOptions) {
    super(`${stackName}: ${expression}, which has no local counterpart`, options);
    this.name = 'NoLocalCounterpartError';
    this.logicalId = logicalId;
  }
}

/** `custom.staticSite` of a service cannot be served. */
export class InvalidStaticSiteError extends LocalCloudError {
  public readonly service: string;

  public constructor(service: string, reason: string, options?: ErrorOptions) {
    super(
      `${service}: custom.staticSite ${reason}. ` +
        'Declare { path: /name, dir: <folder of files>, entryPoints: [<browser entry .ts>] }, paths relative to the service.',
      options,
    );
    this.name = 'InvalidStaticSiteError';
    this.service = service;
  }
}
