/** What the npm scripts share: the platform API client and DynamoDB opened from endpoints.json. */
export { openDynamoDb } from './openDynamoDb.js';
export { apiRequest } from './apiRequest.js';
export type { ApiAnswer, ApiRequest } from './apiRequest.js';
export { exitWith, platformApi } from './platformApi.js';
export type { PlatformApi } from './platformApi.js';
export { importRows } from './importRows.js';
export type { ImportedRow, ImportOptions, ImportSummary } from './importRows.js';
export { formatOfFile, readImportFile } from './readImportFile.js';
export type { FileRow, ImportFormat } from './readImportFile.js';
