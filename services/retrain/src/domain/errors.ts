import { ApiError } from '@sdp/shared-http';
import type { PendingPromotion } from './modelRecords.js';

/** A promotion was asked for while the endpoint is still taking another version of the model. */
export class PromotionPendingError extends ApiError {
  public constructor(public readonly pending: PendingPromotion) {
    super(
      409,
      'promotion_pending',
      `Version ${pending.version} is being promoted since ${pending.since}; promote again once GET /models shows it live or failed.`,
    );
    this.name = 'PromotionPendingError';
  }
}
