import type { components } from '@sdp/shared';

export type Aggregation = components['schemas']['Aggregation'];
export type PeriodReport = components['schemas']['PeriodReport'];
export type CampaignList = components['schemas']['CampaignList'];
export type Period = PeriodReport['period'];
export type SortKey = CampaignList['sort'];

/** The counts of one stored window; a count the table does not hold is zero. */
export interface WindowCounts {
  bids?: number;
  impressions?: number;
  clicks?: number;
  spend?: number;
}

/** One aggregation window as the report service reads it: whose, when it starts, and its counts. */
export interface CampaignWindow extends WindowCounts {
  campaignItemId: number;
  windowStart: Date;
}

/** A half-open range of instants, [from, to). */
export interface TimeRange {
  from: Date;
  to: Date;
}

/** A valid `GET /reports/campaigns/{campaign_item_id}/period` request, defaults applied. */
export interface PeriodReportRequest extends TimeRange {
  campaignItemId: number;
  period: Period;
  /** Canonical IANA name, e.g. `Europe/Paris`. */
  timeZone: string;
  desc: boolean;
}

/** A valid `GET /reports/campaigns` request, defaults applied. */
export interface CampaignListRequest extends TimeRange {
  sort: SortKey;
  desc: boolean;
  limit: number;
}
