import { LocalCloudError } from '../../errors.js';

/**
 * An error the local SageMaker answers as AWS does: `type` is the wire error code the SDK turns into
 * an exception name (`ValidationException` on the control plane; `ValidationError`, `ModelError` on
 * the runtime), `statusCode` the HTTP status, `fields` any members besides the message.
 */
export class SageMakerApiError extends LocalCloudError {
  readonly type: string;
  readonly statusCode: number;
  readonly fields: Record<string, unknown>;

  constructor(type: string, message: string, statusCode = 400, fields: Record<string, unknown> = {}) {
    super(message);
    this.name = 'SageMakerApiError';
    this.type = type;
    this.statusCode = statusCode;
    this.fields = fields;
  }
}

/** SageMaker's answer for a name no model, endpoint configuration or endpoint has: a ValidationException. */
export const notFound = (what: 'model' | 'endpoint configuration' | 'endpoint', arn: string): SageMakerApiError =>
  new SageMakerApiError('ValidationException', `Could not find ${what} "${arn}".`);
