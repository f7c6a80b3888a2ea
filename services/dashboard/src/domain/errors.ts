/** Base class of the dashboard's errors. */
export class DashboardError extends Error {
  public constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DashboardError';
  }
}

/** An API answered with an error status, or could not be reached (`status` 0). */
export class ApiRequestError extends DashboardError {
  public readonly status: number;
  /** The contract's error `code`, when the body had one */
  public readonly code: string | undefined;
  /** The contract error's `message`, when the body had one */
  public readonly detail: string | undefined;
  public readonly route: string;

  public constructor(
    route: string,
    status: number,
    detail: { code?: string; message?: string },
    options?: ErrorOptions,
  ) {
    super(
      `${route} ${status === 0 ? 'could not be reached' : `answered ${status}`}${detail.code ? ` ${detail.code}` : ''}${detail.message ? `: ${detail.message}` : ''}`,
      options,
    );
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = detail.code;
    this.detail = detail.message;
    this.route = route;
  }
}
