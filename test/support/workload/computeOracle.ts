import type { WorkloadEvent } from './generateWorkload.js';

/** One event the API accepted, with what ingest stamped on it. */
export interface AcceptedEvent {
  event: WorkloadEvent;
  receivedAt: string;
  sequenceNumber: string;
}

export interface OracleCounts {
  bids: number;
  impressions: number;
  clicks: number;
  spend: number;
}

/** What became of one transaction: its first bid, impression and click, and which of them joined. */
export interface OracleTransaction {
  bid?: AcceptedEvent;
  imp?: AcceptedEvent;
  click?: AcceptedEvent;
  impJoined: boolean;
  clickJoined: boolean;
}

export interface Oracle {
  /** campaign → window start (ISO) → counts */
  windows: Map<number, Map<string, OracleCounts>>;
  transactions: OracleTransaction[];
  orphanImpressions: number;
  orphanClicks: number;
}

/**
 * What the pipeline must report, computed from the accepted events alone and independently of the
 * pipeline's code: per transaction the first bid, impression and click in stream order (sequence
 * number; one transaction is on one shard), joined when their ingest times are within the session
 * timeouts, each counted in the window of its own ingest time.
 */
export function computeOracle(
  accepted: readonly AcceptedEvent[],
  settings: { bidsTimeoutMs: number; clicksTimeoutMs: number; periodMs: number },
): Oracle {
  const byTx = new Map<string, AcceptedEvent[]>();
  for (const item of accepted) byTx.set(item.event.tx_id, [...(byTx.get(item.event.tx_id) ?? []), item]);
  const windows: Oracle['windows'] = new Map();
  const transactions: OracleTransaction[] = [];
  let orphanImpressions = 0;
  let orphanClicks = 0;
  const count = (campaign: number, at: string, field: keyof OracleCounts, amount = 1) => {
    const start = new Date(Math.floor(Date.parse(at) / settings.periodMs) * settings.periodMs).toISOString();
    const campaignWindows = windows.get(campaign) ?? new Map<string, OracleCounts>();
    windows.set(campaign, campaignWindows);
    const counts = campaignWindows.get(start) ?? { bids: 0, impressions: 0, clicks: 0, spend: 0 };
    campaignWindows.set(start, counts);
    counts[field] += amount;
  };
  for (const events of byTx.values()) {
    const ordered = [...events].sort((a, b) => (BigInt(a.sequenceNumber) < BigInt(b.sequenceNumber) ? -1 : 1));
    const first = (type: WorkloadEvent['type']) => ordered.find((item) => item.event.type === type);
    const bid = first('bid');
    const imp = first('imp');
    const click = first('click');
    const apart = (a: AcceptedEvent, b: AcceptedEvent) => Math.abs(Date.parse(a.receivedAt) - Date.parse(b.receivedAt));
    const campaign = bid?.event.type === 'bid' ? bid.event.campaign_item_id : undefined;
    if (bid && campaign !== undefined) count(campaign, bid.receivedAt, 'bids');
    const impJoined = Boolean(bid && imp && apart(bid, imp) <= settings.bidsTimeoutMs);
    if (imp && !impJoined) orphanImpressions++;
    if (impJoined && campaign !== undefined && imp?.event.type === 'imp') {
      count(campaign, imp.receivedAt, 'impressions');
      count(campaign, imp.receivedAt, 'spend', imp.event.win_price);
    }
    const clickJoined = Boolean(impJoined && imp && click && apart(imp, click) <= settings.clicksTimeoutMs);
    if (click && !clickJoined) orphanClicks++;
    if (clickJoined && campaign !== undefined && click) count(campaign, click.receivedAt, 'clicks');
    transactions.push({
      ...(bid ? { bid } : {}),
      ...(imp ? { imp } : {}),
      ...(click ? { click } : {}),
      impJoined,
      clickJoined,
    });
  }
  return { windows, transactions, orphanImpressions, orphanClicks };
}
