import { randomUUID } from 'node:crypto';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../constants.js';

/**
 * The event EventBridge passes to a function on a schedule without `input`.
 *
 * @example
 * ```ts
 * await invoke(scheduledEvent(new Date()));
 * ```
 */
export const scheduledEvent = (time: Date): object => ({
  version: '0',
  id: randomUUID(),
  'detail-type': 'Scheduled Event',
  source: 'aws.events',
  account: LOCAL_ACCOUNT_ID,
  time: time.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  region: LOCAL_REGION,
  resources: [],
  detail: {},
});
