import type { BotCounts } from './types.js';

/**
 * Sums `bot_traffic` rows (one per hour and kind; numbers may arrive as strings, as the query API
 * sends integers beyond 2^53) into people's and bots' events per kind; kinds without rows are zero.
 *
 * @example
 * toBotCounts([{ kind: 'clicks', hour: '…', human_events: 90, bot_events: '4' }])
 * // { clickstream: { human: 0, bot: 0 }, impressions: { human: 0, bot: 0 }, clicks: { human: 90, bot: 4 } }
 */
export function toBotCounts(rows: readonly Record<string, unknown>[]): BotCounts {
  const counts: BotCounts = {
    clickstream: { human: 0, bot: 0 },
    impressions: { human: 0, bot: 0 },
    clicks: { human: 0, bot: 0 },
  };
  for (const row of rows) {
    const kind = counts[row.kind as keyof BotCounts];
    if (!kind) continue;
    kind.human += Number(row.human_events) || 0;
    kind.bot += Number(row.bot_events) || 0;
  }
  return counts;
}
