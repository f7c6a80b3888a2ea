/** What the npm scripts share: the platform API client and DynamoDB opened from endpoints.json. */
export { openDynamoDb } from './openDynamoDb.js';
export { exitWith, platformApi } from './platformApi.js';
export type { PlatformApi } from './platformApi.js';
