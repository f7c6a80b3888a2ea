import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { logger } from '@sdp/shared';

/** Skeleton: acknowledges raw events until the join lands (streaming core issue). */
export const handler = async (event: KinesisStreamEvent): Promise<KinesisStreamBatchResponse> => {
  logger.debug('raw events received', { count: event.Records.length });
  return { batchItemFailures: [] };
};
