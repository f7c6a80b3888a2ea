import type { ModelList, ModelName } from './types.js';

/** One model as the models panel shows it. */
export interface ModelRow {
  model: ModelName;
  /** The version that serves predictions (or prices), if any */
  liveVersion: string | null;
  /** The live version's AUC on its validation window */
  liveAuc: number | null;
  /** The version the endpoint is taking, if any: the live one serves meanwhile */
  pendingVersion: string | null;
  /** The newest promotion that ended or is under way: its version, status, when, and why it failed */
  lastPromotion: { version: string; status: 'pending' | 'live' | 'failed'; at: string; reason: string | null } | null;
  versions: number;
}

/**
 * Each model's registry (`GET /models`) as one row: what is live, what is being promoted, and how
 * the newest promotion went.
 *
 * @example
 * toModelRows([{ model: 'bid-win', list: { live_version: 'v2', models: [v2, v1] } }])
 * // [{ model: 'bid-win', liveVersion: 'v2', liveAuc: 0.81, pendingVersion: null, lastPromotion: { version: 'v2', status: 'live', … }, versions: 2 }]
 */
export function toModelRows(lists: readonly { model: ModelName; list: ModelList }[]): ModelRow[] {
  return lists.map(({ model, list }) => {
    const live = list.models.find((version) => version.version === list.live_version);
    const promotions = list.models
      .flatMap(({ version, promotion }) =>
        promotion
          ? [
              {
                version,
                status: promotion.status,
                at: promotion.finished_at ?? promotion.requested_at,
                reason: promotion.reason ?? null,
              },
            ]
          : [],
      )
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
    return {
      model,
      liveVersion: list.live_version ?? null,
      liveAuc: live?.metrics.auc ?? null,
      pendingVersion: list.pending_version ?? null,
      lastPromotion: promotions[0] ?? null,
      versions: list.models.length,
    };
  });
}
