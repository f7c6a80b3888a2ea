import { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { requiredEnv } from '@sdp/shared-runtime';
import { UsageUnavailableError } from '../domain/errors.js';
import type { ReadUsage } from '../domain/types.js';
import { cloudWatchUsage } from './cloudWatchUsage.js';
import { localMeterUsage } from './localMeterUsage.js';

/**
 * Where this stage's usage is read: the local cloud's meter when it gives one
 * (`LOCAL_CLOUD_METER_URL`), CloudWatch's usage metrics of the stage named by `STAGE` otherwise. A
 * source that does not answer is a {@link UsageUnavailableError} (502), never an empty reading.
 */
export function usageFromEnv(): ReadUsage {
  const meterUrl = process.env.LOCAL_CLOUD_METER_URL;
  const [source, read] = meterUrl
    ? ['the local cloud’s meter', localMeterUsage(meterUrl)]
    : [
        'CloudWatch',
        cloudWatchUsage({
          cloudWatch: new CloudWatchClient({}),
          lambda: new LambdaClient({}),
          stage: requiredEnv('STAGE'),
        }),
      ];
  return async () => {
    try {
      return await read();
    } catch (error) {
      throw new UsageUnavailableError(source, error);
    }
  };
}
