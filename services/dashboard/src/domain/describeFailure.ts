import { ApiRequestError } from './errors.js';

/**
 * What a panel shows when its data could not be read: an API that is not there (404) means "no data
 * yet", shown as an empty panel; an API the page's key may not call (403 `insufficient_scope`, as
 * the cost panel with the read-only key `npm start` prints) is an empty panel that says which scope
 * it needs; anything else is an error, shown as it is.
 *
 * @example
 * describeFailure(new ApiRequestError('POST /query', 404, { code: 'not_found' }))
 * // { state: 'empty', message: 'No data yet: POST /query is not available (404).' }
 */
export function describeFailure(error: Error): { state: 'empty' | 'error'; message: string } {
  if (error instanceof ApiRequestError && error.status === 404)
    return { state: 'empty', message: `No data yet: ${error.route} is not available (404).` };
  if (error instanceof ApiRequestError && error.code === 'insufficient_scope') {
    return {
      state: 'empty',
      message: `Not shown with this page's key: ${error.route} needs a scope the key does not have (${error.detail ?? error.message})`,
    };
  }
  return { state: 'error', message: error.message };
}
