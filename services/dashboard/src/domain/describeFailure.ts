import { ApiRequestError } from './errors.js';

/**
 * What a panel shows when its data could not be read: an API that is not there (404) means "no data
 * yet", shown as an empty panel; anything else is an error, shown as it is.
 *
 * @example
 * describeFailure(new ApiRequestError('POST /query', 404, { code: 'not_found' }))
 * // { state: 'empty', message: 'No data yet: POST /query is not available (404).' }
 */
export function describeFailure(error: Error): { state: 'empty' | 'error'; message: string } {
  if (error instanceof ApiRequestError && error.status === 404) return { state: 'empty', message: `No data yet: ${error.route} is not available (404).` };
  return { state: 'error', message: error.message };
}
