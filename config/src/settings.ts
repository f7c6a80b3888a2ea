/**
 * Settings more than one service reads, each with its default, so that the services cannot disagree
 * on them. They are params: `serverless deploy --param bidsSessionTimeoutMinutes=10` (or the params of
 * serverless-compose.yml) changes them everywhere at once.
 */
import { param } from './intrinsics.js';

/**
 * How long the join waits for a transaction's impression (click) after its bid (impression). Enrich
 * joins with them; the lake's orphan views and the shared lake client's views read them too.
 */
export const SESSION_TIMEOUTS = {
  BIDS_SESSION_TIMEOUT_MINUTES: param('bidsSessionTimeoutMinutes', '5'),
  CLICKS_SESSION_TIMEOUT_MINUTES: param('clicksSessionTimeoutMinutes', '5'),
};

/** Demand as pricing reads it (recent against baseline); the demand model learns it the same way (retrain). */
export const DEMAND_WINDOWS = {
  DEMAND_RECENT_MINUTES: param('demandRecentMinutes', '15'),
  DEMAND_BASELINE_MINUTES: param('demandBaselineMinutes', '120'),
};

/**
 * The rate past which a user is taken for a bot: distinct clickstream events in one minute of event
 * time (docs/adr/0024-bot-filtering.md). Sessions decides with it; the lake's `rate_bots` view finds
 * the same users with it.
 */
export const BOT_RATE = {
  BOT_EVENTS_PER_MINUTE: param('botEventsPerMinute', '120'),
};
