/** What every function and script needs: settings from the environment, the logger, bounded concurrency, UTC days, seeded randomness. */
export { logger } from './observability/logger.js';
export { requiredEnv } from './config/requiredEnv.js';
export { InvalidSettingError } from './config/errors.js';
export { readNumberSetting } from './config/readNumberSetting.js';
export type { NumberSettingRule } from './config/readNumberSetting.js';
export { mapWithConcurrency } from './async/mapWithConcurrency.js';
export { utcDaysOf } from './time/utcDaysOf.js';
export { seededRandom } from './random/seededRandom.js';
