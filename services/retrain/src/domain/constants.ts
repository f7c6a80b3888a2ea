/** A promotion waits this long for an endpoint that serves the version at once (the local SageMaker) before it answers pending. */
export const DEFAULT_PROMOTION_GRACE_SECONDS = 3;

/** A promotion still pending after this long is ended as failed; a SageMaker endpoint update takes about 5–15 minutes. */
export const DEFAULT_PROMOTION_TIMEOUT_MINUTES = 30;
