import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '@sdp/shared';

/** Skeleton: the training loop lands with the predictions issue; until then a run only records that it was due. */
export const handler = async (event: ScheduledEvent): Promise<void> => {
  logger.info('retraining is not implemented yet', { scheduledAt: event.time });
};
