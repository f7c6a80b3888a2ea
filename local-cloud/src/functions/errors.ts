import { LocalCloudError } from '../errors.js';

/** The handler threw or returned a rejected promise. */
export class FunctionError extends LocalCloudError {
  readonly errorType: string;
  constructor(functionName: string, error: { name: string; message: string; stack?: string }) {
    super(`${functionName} failed: ${error.name}: ${error.message}`);
    this.name = 'FunctionError';
    this.errorType = error.name;
    if (error.stack) this.stack = error.stack;
  }
}

/** The invocation ran past the function's timeout; its instance was stopped, as Lambda does. */
export class FunctionTimeoutError extends LocalCloudError {
  constructor(functionName: string, timeoutSeconds: number) {
    super(`${functionName} timed out after ${timeoutSeconds} s`);
    this.name = 'FunctionTimeoutError';
  }
}

/** The instance died (init failure, uncaught exception, out of memory) during the invocation. */
export class FunctionCrashError extends LocalCloudError {
  constructor(functionName: string, detail: string) {
    super(`${functionName} instance crashed: ${detail}`);
    this.name = 'FunctionCrashError';
  }
}
