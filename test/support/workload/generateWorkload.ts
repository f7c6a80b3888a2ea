import { seededRandom } from '@sdp/shared-runtime';
import type { AdEvent } from '../../../fixtures/bids/adEvent.js';

/** One event of a seeded ad workload, as `POST /events` takes it. */
export type WorkloadEvent = AdEvent;

export interface WorkloadOptions {
  seed: number;
  /** At least this many events are generated */
  events: number;
  campaigns: number;
  /** Share of events sent twice (an exact copy, as a client retry would) */
  duplicateRate: number;
  /** Share of transactions whose events are sent in another order than bid → impression → click */
  disorderRate: number;
  /** Share of transactions whose later events are held back to a later batch (late arrivals) */
  lateRate: number;
  /** Shares of impressions without a bid and clicks without an impression (orphans) */
  orphanImpressionRate: number;
  orphanClickRate: number;
}

/**
 * A seeded ad workload in send order, cut into batches of varying size (bursts): transactions of a
 * few dozen campaigns with realistic win rates and CTRs, exact duplicates, transactions sent out of
 * order, events held back to later batches, and orphan impressions and clicks.
 */
export function generateWorkload(options: WorkloadOptions): WorkloadEvent[][] {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const campaigns = Array.from({ length: options.campaigns }, (_, i) => ({
    id: 1_000 + i,
    winRate: 0.2 + (i % 7) * 0.08,
    ctr: 0.05 + (i % 5) * 0.05,
  }));
  const pending: WorkloadEvent[] = [];
  const held: { dueInBatches: number; event: WorkloadEvent }[] = [];
  let count = 0;
  let tx = 0;
  while (count < options.events) {
    const txId = `tx-${options.seed}-${tx++}`;
    const roll = random();
    let events: WorkloadEvent[];
    if (roll < options.orphanImpressionRate) {
      events = [{ type: 'imp', tx_id: txId, win_price: 1 + Math.floor(random() * 500) }];
    } else if (roll < options.orphanImpressionRate + options.orphanClickRate) {
      events = [{ type: 'click', tx_id: txId }];
    } else {
      const campaign = pick(campaigns);
      events = [
        {
          type: 'bid',
          tx_id: txId,
          app_uid: `user-${Math.floor(random() * 5_000)}`,
          campaign_item_id: campaign.id,
          domain: pick(['news.example.com', 'games.example.io', 'www.google.com', 'recipes.example.org']),
          creative_id: `creative-${Math.floor(random() * 20)}`,
          creative_category: pick(['travel', 'finance', 'retail', 'gaming']),
        },
      ];
      if (random() < campaign.winRate) {
        events.push({ type: 'imp', tx_id: txId, win_price: 1 + Math.floor(random() * 2_000) });
        if (random() < campaign.ctr) events.push({ type: 'click', tx_id: txId });
      }
      if (random() < options.disorderRate) events.reverse();
    }
    const sent = events.flatMap((event) => (random() < options.duplicateRate ? [event, { ...event }] : [event]));
    const late = random() < options.lateRate;
    sent.forEach((event, i) => {
      if (late && i > 0) held.push({ dueInBatches: 1 + Math.floor(random() * 4), event });
      else pending.push(event);
    });
    count += sent.length;
  }

  const batches: WorkloadEvent[][] = [];
  while (pending.length > 0 || held.length > 0) {
    const size = random() < 0.2 ? 500 : 20 + Math.floor(random() * 200);
    const batch = pending.splice(0, size);
    for (const entry of held) entry.dueInBatches--;
    for (const entry of held.filter((h) => h.dueInBatches <= 0)) batch.push(entry.event);
    held.splice(0, held.length, ...held.filter((h) => h.dueInBatches > 0));
    if (batch.length > 500) pending.unshift(...batch.splice(500));
    if (batch.length > 0) batches.push(batch);
  }
  return batches;
}
