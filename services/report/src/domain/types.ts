import type { PeriodQuery } from './readPeriodQuery.js';
import type { components } from '@sdp/shared-contract';

export type Aggregation = components['schemas']['Aggregation'];
export type PeriodReport = components['schemas']['PeriodReport'];
export type CampaignList = components['schemas']['CampaignList'];
export type Period = PeriodReport['period'];
export type SortKey = CampaignList['sort'];
export type ProductActivity = components['schemas']['ProductActivity'];
export type ProductReport = components['schemas']['ProductReport'];
export type ProductList = components['schemas']['ProductList'];
export type ProductSortKey = ProductList['sort'];

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
export interface PeriodReportRequest extends PeriodQuery {
  campaignItemId: number;
}

/** A valid `GET /reports/campaigns` request, defaults applied. */
export interface CampaignListRequest extends TimeRange {
  sort: SortKey;
  desc: boolean;
  limit: number;
}

/** One product window as the report service reads it; a count the table does not hold is zero. */
export interface ProductWindowCounts extends Pick<
  ProductActivity,
  'views' | 'carts' | 'cart_units' | 'checkouts' | 'purchases' | 'units_sold'
> {
  productId: string;
  windowStart: Date;
}

/** A valid `GET /reports/products/{product_id}` request, defaults applied. */
export interface ProductReportRequest extends PeriodQuery {
  productId: string;
}

/** A valid `GET /reports/products` request, defaults applied. */
export interface ProductListRequest extends TimeRange {
  sort: ProductSortKey;
  desc: boolean;
  limit: number;
}
