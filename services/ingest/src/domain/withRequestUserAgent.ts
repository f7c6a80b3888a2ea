import { deviceUserAgentOf } from './deviceUserAgentOf.js';

/**
 * The event with the request's `User-Agent` as its `user_agent` when it has none of its own and the
 * header names a device (`deviceUserAgentOf`): the browser, app or crawler that posted it.
 *
 * @example
 * withRequestUserAgent({ tx_id: 't1', type: 'click' }, 'Mozilla/5.0 …')
 * // { tx_id: 't1', type: 'click', user_agent: 'Mozilla/5.0 …' }
 */
export function withRequestUserAgent<Event extends { user_agent?: string }>(
  event: Event,
  requestUserAgent: string | undefined,
): Event {
  if (event.user_agent !== undefined) return event;
  const userAgent = deviceUserAgentOf(requestUserAgent);
  return userAgent === undefined ? event : { ...event, user_agent: userAgent };
}
