import { MAX_USER_AGENT_CHARS } from './constants.js';

/**
 * HTTP libraries and command-line clients: a request from one of these is a server relaying events
 * (a shop's backend, a seed script, a load test), not the device, so its `User-Agent` says nothing
 * about who browsed. `isbot` lists them as bots; stamping them would drop every relayed event (ADR 24).
 */
const RELAY_CLIENT =
  /^(?:node|undici|node-fetch|axios|got|curl|wget|python-requests|python-urllib|python-httpx|aiohttp|go-http-client|okhttp|java|apache-httpclient|jakarta|k6|postmanruntime|insomnia|libwww-perl|guzzlehttp|ruby|faraday)(?:[/\s;(]|$)/i;

/**
 * The request's `User-Agent` header as the device's user agent, or nothing when there is no header
 * or it names an HTTP library relaying the events rather than a browser, app or crawler. A header
 * longer than the contract's bound is cut to it: a header is not the caller's data to reject.
 *
 * @example
 * deviceUserAgentOf('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)') // the same string
 * deviceUserAgentOf('curl/8.5.0') // undefined
 */
export function deviceUserAgentOf(header: string | undefined): string | undefined {
  const userAgent = header?.trim();
  if (!userAgent || RELAY_CLIENT.test(userAgent)) return undefined;
  return userAgent.slice(0, MAX_USER_AGENT_CHARS);
}
