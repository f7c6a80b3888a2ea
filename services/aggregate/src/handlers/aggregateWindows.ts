import type { KinesisStreamBatchResponse, KinesisStreamEvent } from 'aws-lambda';
import { logger } from '@sdp/shared';

/** Skeleton: acknowledges enriched events until windowed aggregation lands (streaming core issue). */
export const handler = async (event: KinesisStreamEvent): Promise<KinesisStreamBatchResponse> => {
  logger.debug('enriched events received', { count: event.Records.length });
  return { batchItemFailures: [] };
};
