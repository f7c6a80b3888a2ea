import type { EnrichedEvent, WindowIncrements } from './types.js';

/**
 * What events add to their window: one bid, impression or click each, and the `win_price` of
 * impressions as spend.
 *
 * @example
 * countIncrements([{ type: 'bid', ... }, { type: 'imp', win_price: 12, ... }])
 * // { bids: 1, impressions: 1, clicks: 0, spend: 12 }
 */
export function countIncrements(events: readonly Pick<EnrichedEvent, 'type' | 'win_price'>[]): WindowIncrements {
  const increments = { bids: 0, impressions: 0, clicks: 0, spend: 0 };
  for (const event of events) {
    if (event.type === 'bid') increments.bids++;
    else if (event.type === 'click') increments.clicks++;
    else {
      increments.impressions++;
      increments.spend += event.win_price ?? 0;
    }
  }
  return increments;
}
