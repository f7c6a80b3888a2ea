import { isbot } from 'isbot';

/** The envelope fields that mark bot traffic. */
export interface BotMark {
  bot?: true;
  bot_reason?: 'user_agent';
}

/**
 * The envelope fields that mark an event as bot traffic: `bot: true` with `bot_reason: 'user_agent'`
 * when its user agent is a known crawler's, by the `isbot` package's maintained list (pinned in
 * package.json, ADR 24); none for a human's user agent or an event without one.
 *
 * @example
 * botMarkOf('Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)')
 * // { bot: true, bot_reason: 'user_agent' }
 * botMarkOf('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) …') // {}
 */
export function botMarkOf(userAgent: string | undefined): BotMark {
  return userAgent !== undefined && isbot(userAgent) ? { bot: true, bot_reason: 'user_agent' } : {};
}
